/**
 * Time as the platform client and the task watcher see it. Production code uses the
 * system clock; tests and benchmarks pass a clock that follows the emulator's, so an
 * emulated hour of rate-limit waits and polling runs in seconds.
 */
export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
  /** Resolves after `ms` milliseconds of this clock's time; rejects with an AbortError when `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/**
 * The longest delay setTimeout honours (about 24.8 days). Node and browsers fire a timer with a
 * longer delay after 1 ms instead, so every computed delay goes through timerDelay().
 */
export const MAX_TIMER_DELAY_MS = 2 ** 31 - 1;

/** `ms` as a delay setTimeout honours: 0 for anything not a positive number, at most MAX_TIMER_DELAY_MS. */
export function timerDelay(ms: number): number {
  return ms > 0 ? Math.min(ms, MAX_TIMER_DELAY_MS) : 0;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(abortError());
      // A sleep longer than one timer allows is slept in several.
      let remaining = ms > 0 ? ms : 0;
      let timer = setTimeout(step, timerDelay(remaining));
      function step() {
        remaining -= timerDelay(remaining);
        if (remaining > 0) timer = setTimeout(step, timerDelay(remaining));
        else done();
      }
      function done() {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }
      function onAbort() {
        clearTimeout(timer);
        reject(abortError());
      }
      signal?.addEventListener('abort', onAbort, { once: true });
    }),
};

export function abortError(): Error {
  const error = new Error('The operation was cancelled.');
  error.name = 'AbortError';
  return error;
}
