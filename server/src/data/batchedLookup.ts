/**
 * A synchronous view of asynchronous lookups by key: `get` answers from what is known and
 * queues unknown keys, which are fetched together on the next turn of the event loop (one bulk
 * request for every file id of a document, not one request per id). Answers are kept; a key
 * whose lookup failed is unknown again and retried after a back-off.
 */
import { retryDelayMs } from './backoff';

/** Fetches answers for keys; a key absent from the result failed (it is retried later). */
export type FetchMany<V> = (keys: string[]) => Promise<Map<string, V>>;

interface Failure {
  count: number;
  retryAt: number;
}

export class BatchedLookup<V> {
  private readonly known = new Map<string, V>();
  private readonly failures = new Map<string, Failure>();
  private readonly queued = new Set<string>();
  private readonly inFlight = new Map<string, Promise<void>>();
  private flushScheduled = false;
  private generation = 0;
  private changeCount = 0;

  constructor(
    private readonly fetchMany: FetchMany<V>,
    private readonly onDidChange: () => void,
    private readonly now: () => number = Date.now,
    private readonly log: (message: string) => void = () => {},
  ) {}

  /** The answer when known; undefined while unknown (a lookup is queued when one is due). */
  get(key: string): V | undefined {
    // One map lookup on the hot path: a 10,000-file body asks for every file on every edit.
    const known = this.known.get(key);
    if (known !== undefined || this.known.has(key)) return known;
    const failure = this.failures.get(key);
    if (!this.inFlight.has(key) && (!failure || this.now() >= failure.retryAt)) this.enqueue(key);
    return undefined;
  }

  /** Looks up every key not known yet and waits for the answers (the CLI's way in). */
  async ensure(keys: Iterable<string>): Promise<void> {
    for (const key of keys) this.get(key);
    this.flush();
    const pending = new Set<Promise<void>>();
    for (const key of keys) {
      const busy = this.inFlight.get(key);
      if (busy) pending.add(busy);
    }
    await Promise.all(pending);
  }

  /** Goes up whenever the answers change (new answers, or all forgotten). */
  get changes(): number {
    return this.changeCount;
  }

  /** Every answer known. */
  answers(): IterableIterator<V> {
    return this.known.values();
  }

  /** Forgets every answer and failure. */
  clear(): void {
    this.changeCount++;
    this.known.clear();
    this.failures.clear();
    this.queued.clear();
    this.inFlight.clear();
    this.generation++;
  }

  private enqueue(key: string): void {
    this.queued.add(key);
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(() => this.flush());
  }

  private flush(): void {
    this.flushScheduled = false;
    if (this.queued.size === 0) return;
    const keys = [...this.queued];
    this.queued.clear();
    const generation = this.generation;
    const done = this.fetchMany(keys)
      .then((answers) => this.settle(generation, keys, answers))
      .catch((error) => {
        this.log(`Lookup failed: ${(error as Error).message}`);
        this.settle(generation, keys, new Map());
      });
    for (const key of keys) this.inFlight.set(key, done);
  }

  private settle(generation: number, keys: string[], answers: Map<string, V>): void {
    if (generation !== this.generation) return; // cleared meanwhile: these answers may be another account's
    let changed = false;
    for (const key of keys) {
      this.inFlight.delete(key);
      if (answers.has(key)) {
        this.known.set(key, answers.get(key)!);
        this.failures.delete(key);
        changed = true;
      } else {
        const count = (this.failures.get(key)?.count ?? 0) + 1;
        this.failures.set(key, { count, retryAt: this.now() + retryDelayMs(count) });
      }
    }
    if (changed) {
      this.changeCount++;
      this.onDidChange();
    }
  }
}
