/**
 * Push diagnostics for clients that do not pull them: each change of a document schedules its
 * validation after a short quiet period, so typing is not validated keystroke by keystroke
 * (the mistake Benten made). A newer schedule for the same document replaces the older one.
 */
export class DebouncedPush {
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(private readonly delayMs: number, private readonly push: (uri: string) => void) {}

  schedule(uri: string, delayMs = this.delayMs): void {
    this.cancel(uri);
    this.timers.set(uri, setTimeout(() => {
      this.timers.delete(uri);
      this.push(uri);
    }, delayMs));
  }

  cancel(uri: string): void {
    const timer = this.timers.get(uri);
    if (timer) clearTimeout(timer);
    this.timers.delete(uri);
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }
}
