/**
 * Bounded waiting for a condition read from the page: reads until `done` holds or the time is up,
 * then fails saying what was awaited and what was last seen, which is what a reader of a failed
 * UI run needs first.
 */
export async function waitFor<T>(what: string, read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  let lastError: unknown;
  for (;;) {
    try {
      last = await read();
      if (done(last)) return last;
    } catch (error) {
      lastError = error; // the element may be re-rendering; read again
    }
    if (Date.now() > deadline) {
      const seen = last === undefined ? `nothing could be read (${(lastError as Error)?.message})` : JSON.stringify(last, null, 2);
      throw new Error(`waited ${timeoutMs / 1000} s for ${what}; last seen: ${seen}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
