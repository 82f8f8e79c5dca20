/**
 * The platform's clock as its answers date them: every HTTP answer carries a `Date` header
 * (RFC 9110 §6.6.1), and the difference between it and this machine's clock at arrival is the
 * offset. Task times (start_time, end_time) are on the platform's clock, so the running time of
 * a task is measured against `now()` here, not against a local clock that may be minutes, or
 * (an emulator on a fixed date) months, away from it.
 *
 * `Date` has one-second resolution and is written before the answer travels, so the offset is
 * up to a second or so short; the latest answer wins, which is right to the second for durations.
 */

interface HeaderSource {
  get(name: string): string | null;
}

export class ServerClock {
  private offset: number | undefined;

  /** Server time minus local time, ms; undefined until an answer with a readable `Date` arrived. */
  get offsetMs(): number | undefined {
    return this.offset;
  }

  /** Takes the `Date` header of an answer received at `localMs`; an answer without a readable one changes nothing. */
  update(headers: HeaderSource, localMs: number): void {
    const date = headers.get('date');
    const serverMs = date === null ? NaN : Date.parse(date);
    if (!Number.isNaN(serverMs)) this.offset = serverMs - localMs;
  }

  /** The platform's time at local time `localMs`; the local time itself before any dated answer. */
  now(localMs: number): number {
    return localMs + (this.offset ?? 0);
  }
}
