/**
 * One invocation at a time per key (a task file's URI): a second Create while the first is
 * still asking, picking or sending is refused instead of queued, so one click makes at most
 * one task (docs/ARCHITECTURE.md, "Main decisions").
 */
export type FlightResult<T> = { ran: true; value: T } | { ran: false };

export class SingleFlight {
  private readonly inFlight = new Set<string>();

  isBusy(key: string): boolean {
    return this.inFlight.has(key);
  }

  /** Runs `work` unless another run for `key` has not finished; never queues. */
  async run<T>(key: string, work: () => Promise<T>): Promise<FlightResult<T>> {
    if (this.inFlight.has(key)) return { ran: false };
    this.inFlight.add(key);
    try {
      return { ran: true, value: await work() };
    } finally {
      this.inFlight.delete(key);
    }
  }
}
