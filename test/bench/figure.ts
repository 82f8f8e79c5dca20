/**
 * One measured figure of `npm run bench`, printed beside the baseline it is judged against
 * (performance is a ratio against a baseline measured in the same run, never a time limit).
 */
export type FigureUnit = 'ms' | 'requests' | 'bytes' | 'MB';

export interface Figure {
  figure: string;
  unit: FigureUnit;
  value: number;
  baseline: number;
  baseline_name: string;
  /** baseline / value: above 1 means ours is smaller (faster, fewer requests, less memory). */
  ratio: number;
}

/** What every test/bench/*.bench.ts module exports. */
export interface BenchModule {
  run(): Promise<Figure[]>;
  /**
   * Why this machine cannot measure the module's figures (a missing program, with how to install
   * it), or undefined when it can. A skipped module prints `<figure>: skipped: <reason>` for each
   * of `figureNames` and does not fail the run.
   */
  skipReason?(): string | undefined;
  figureNames?: readonly string[];
}

export function figure(name: string, unit: FigureUnit, value: number, baseline: number, baselineName: string): Figure {
  return { figure: name, unit, value, baseline, baseline_name: baselineName, ratio: value === 0 ? Infinity : baseline / value };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * Median wall time in ms of one call, over `runs` samples after `warmups` unmeasured calls (JIT,
 * caches). A call shorter than a few milliseconds is timed in batches: timing 0.1 ms one call at
 * a time measures the timer and stray GC pauses more than the code, and keeps the JIT cold.
 */
export async function timeMedian(fn: () => unknown, runs = 7, warmups = 2): Promise<number> {
  for (let i = 0; i < warmups; i++) await fn();
  const batch = Math.max(1, Math.ceil(SAMPLE_MS / Math.max(await timeOnce(fn, 1), 0.001)));
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(await timeOnce(fn, batch));
  return median(times);
}

/** Shortest sample worth timing, ms. */
const SAMPLE_MS = 5;

async function timeOnce(fn: () => unknown, calls: number): Promise<number> {
  const start = process.hrtime.bigint();
  for (let i = 0; i < calls; i++) await fn();
  return Number(process.hrtime.bigint() - start) / 1e6 / calls;
}
