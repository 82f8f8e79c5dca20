/**
 * A fixed window per token on emulated time: the window opens with the first counted request and
 * lasts `windowSeconds`; within it at most `limit` requests pass (docs/PLATFORM.md#rate-limit).
 */
export interface RateState {
  limit: number;
  remaining: number;
  /** Unix epoch seconds when the current window ends. */
  reset: number;
}

interface Window {
  startMs: number;
  count: number;
}

export class RateLimiter {
  private readonly windows = new Map<string, Window>();

  constructor(
    private limit: number,
    private windowSeconds: number,
  ) {}

  configure(limit: number, windowSeconds: number): void {
    if (!(Number.isInteger(limit) && limit >= 0 && windowSeconds > 0)) {
      throw new RangeError(`rate limit needs an integer limit >= 0 and windowSeconds > 0, got ${limit} per ${windowSeconds}`);
    }
    this.limit = limit;
    this.windowSeconds = windowSeconds;
    this.windows.clear();
  }

  /** Counts one request; `allowed` false when the window's budget is spent (nothing is counted then). */
  take(key: string, nowMs: number): { allowed: boolean; state: RateState } {
    const window = this.current(key, nowMs, true)!;
    const allowed = window.count < this.limit;
    if (allowed) window.count++;
    return { allowed, state: this.describe(window, nowMs) };
  }

  /** The state without counting (GET /rate_limit, headers of refused requests). */
  peek(key: string, nowMs: number): RateState {
    return this.describe(this.current(key, nowMs, false), nowMs);
  }

  private current(key: string, nowMs: number, open: boolean): Window | undefined {
    let window = this.windows.get(key);
    if (window && nowMs >= window.startMs + this.windowSeconds * 1000) {
      this.windows.delete(key);
      window = undefined;
    }
    if (!window && open) this.windows.set(key, (window = { startMs: nowMs, count: 0 }));
    return window;
  }

  private describe(window: Window | undefined, nowMs: number): RateState {
    const startMs = window?.startMs ?? nowMs;
    return {
      limit: this.limit,
      remaining: Math.max(0, this.limit - (window?.count ?? 0)),
      reset: Math.ceil((startMs + this.windowSeconds * 1000) / 1000),
    };
  }
}
