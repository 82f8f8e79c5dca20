/**
 * Emulated time. In manual mode time stands still until `advance()`; in real mode it follows the
 * wall clock (plus whatever was advanced on top, so the demo can fast-forward).
 */
export type ClockMode = 'manual' | 'real';

export const DEFAULT_START_TIME = Date.parse('2026-01-05T09:00:00Z');

export class EmulatorClock {
  private offsetMs = 0;

  constructor(
    readonly mode: ClockMode,
    private readonly startTime: number = DEFAULT_START_TIME,
  ) {}

  now(): number {
    return (this.mode === 'manual' ? this.startTime : Date.now()) + this.offsetMs;
  }

  advance(ms: number): void {
    if (!(ms >= 0)) throw new RangeError(`advance needs a non-negative duration, got ${ms}`);
    this.offsetMs += ms;
  }
}

export function isoTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
