/** Every /v2 request in order, and counts per route key, for tests and benchmarks to read. */
export interface RequestRecord {
  method: string;
  path: string;
  query: string;
  /** HTTP status answered; 0 when the connection was dropped without an answer. */
  status: number;
  /** Emulated epoch ms. */
  time: number;
  routeKey: string;
  user?: string;
}

export class RequestLog {
  readonly records: RequestRecord[] = [];
  private counts = new Map<string, number>();

  add(record: RequestRecord): void {
    this.records.push(record);
    this.counts.set(record.routeKey, (this.counts.get(record.routeKey) ?? 0) + 1);
  }

  counters(): Record<string, number> {
    return { ...Object.fromEntries(this.counts), total: this.records.length };
  }

  reset(): void {
    this.records.length = 0;
    this.counts = new Map();
  }
}
