/**
 * One measured figure of `npm run bench`, printed beside the baseline it is judged against
 * (DESIGN.md §5: performance is a ratio against a baseline measured in the same run).
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
}

export function figure(name: string, unit: FigureUnit, value: number, baseline: number, baselineName: string): Figure {
  return { figure: name, unit, value, baseline, baseline_name: baselineName, ratio: value === 0 ? Infinity : baseline / value };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Median wall time in ms of `runs` calls after `warmups` unmeasured ones (JIT, caches). */
export async function timeMedian(fn: () => unknown, runs = 7, warmups = 2): Promise<number> {
  for (let i = 0; i < warmups; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    await fn();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return median(times);
}
