/**
 * Keeps what was derived from a few recently used documents (VS Code's JSON server keeps its
 * parsed JSONDocuments the same way): one value per document version, at most `maxEntries`
 * documents, and entries unused for `maxAgeMs` dropped, so closed and idle documents free memory.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';

export class LanguageModelCache<T> {
  private readonly entries = new Map<string, { version: number; languageId: string; value: T; usedAt: number }>();

  constructor(
    private readonly derive: (document: TextDocument) => T,
    private readonly maxEntries = 10,
    private readonly maxAgeMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  get(document: TextDocument): T {
    const now = this.now();
    const entry = this.entries.get(document.uri);
    if (entry && entry.version === document.version && entry.languageId === document.languageId) {
      entry.usedAt = now;
      return entry.value;
    }
    const value = this.derive(document);
    this.entries.set(document.uri, { version: document.version, languageId: document.languageId, value, usedAt: now });
    this.evict(now);
    return value;
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }

  clear(): void {
    this.entries.clear();
  }

  private evict(now: number): void {
    for (const [uri, entry] of this.entries) {
      if (now - entry.usedAt > this.maxAgeMs) this.entries.delete(uri);
    }
    while (this.entries.size > this.maxEntries) {
      let oldest: string | undefined;
      let oldestAt = Number.POSITIVE_INFINITY;
      for (const [uri, entry] of this.entries) {
        if (entry.usedAt < oldestAt) {
          oldest = uri;
          oldestAt = entry.usedAt;
        }
      }
      this.entries.delete(oldest!);
    }
  }
}
