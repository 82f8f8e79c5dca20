/** A min-heap of timed events; events at the same time come out in the order they went in. */
export interface TimedEvent<T> {
  at: number;
  order: number;
  payload: T;
}

export class EventQueue<T> {
  private readonly heap: TimedEvent<T>[] = [];
  private nextOrder = 0;

  get size(): number {
    return this.heap.length;
  }

  push(at: number, payload: T): void {
    this.heap.push({ at, order: this.nextOrder++, payload });
    let i = this.heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(this.heap[i], this.heap[parent])) break;
      [this.heap[i], this.heap[parent]] = [this.heap[parent], this.heap[i]];
      i = parent;
    }
  }

  /** Removes and returns the earliest event if it is due at or before `time`. */
  popDue(time: number): TimedEvent<T> | undefined {
    if (this.heap.length === 0 || this.heap[0].at > time) return undefined;
    const top = this.heap[0];
    const last = this.heap.pop()!;
    if (this.heap.length > 0) {
      this.heap[0] = last;
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        const right = left + 1;
        let smallest = i;
        if (left < this.heap.length && before(this.heap[left], this.heap[smallest])) smallest = left;
        if (right < this.heap.length && before(this.heap[right], this.heap[smallest])) smallest = right;
        if (smallest === i) break;
        [this.heap[i], this.heap[smallest]] = [this.heap[smallest], this.heap[i]];
        i = smallest;
      }
    }
    return top;
  }
}

function before<T>(a: TimedEvent<T>, b: TimedEvent<T>): boolean {
  return a.at < b.at || (a.at === b.at && a.order < b.order);
}
