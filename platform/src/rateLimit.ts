/**
 * The platform's rate limit as the last answer reported it: X-RateLimit-Limit,
 * X-RateLimit-Remaining and X-RateLimit-Reset (epoch seconds) come on every response
 * (docs/PLATFORM.md#rate-limit). The request core reads them to wait before sending into a 429, and
 * pollers read them to slow down as the remainder falls.
 */

export interface RateLimitState {
  limit?: number;
  remaining?: number;
  /** Unix epoch seconds. */
  reset?: number;
}

interface HeaderSource {
  get(name: string): string | null;
}

export class RateLimitTracker {
  private current: RateLimitState = {};

  get state(): RateLimitState {
    return { ...this.current };
  }

  /** Takes the three headers from an answer; an answer without them changes nothing. */
  update(headers: HeaderSource): void {
    const limit = readInt(headers, 'x-ratelimit-limit');
    const remaining = readInt(headers, 'x-ratelimit-remaining');
    const reset = readInt(headers, 'x-ratelimit-reset');
    if (limit === undefined && remaining === undefined && reset === undefined) return;
    this.current = { limit: limit ?? this.current.limit, remaining, reset };
  }

  /** Marks the budget as spent until the last known reset (after a 429). */
  exhaust(): void {
    this.current = { ...this.current, remaining: 0 };
  }

  /** Epoch ms when the spent budget comes back, or undefined when requests may be sent now. */
  exhaustedUntil(nowMs: number): number | undefined {
    const { remaining, reset } = this.current;
    if (remaining === undefined || remaining > 0 || reset === undefined) return undefined;
    return reset * 1000 > nowMs ? reset * 1000 : undefined;
  }
}

function readInt(headers: HeaderSource, name: string): number | undefined {
  const value = headers.get(name);
  if (value === null || value.trim() === '') return undefined;
  const number = Number(value);
  return Number.isFinite(number) ? number : undefined;
}
