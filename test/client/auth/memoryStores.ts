/**
 * In-memory stand-ins for VS Code's SecretStorage and globalState, and a log that keeps its
 * lines, so the sign-in logic runs in plain Node. Each records what was written, so tests can
 * check where a token went (and where it did not).
 */
import type { SecretStore, StateStore } from '../../../client/src/auth/accounts';
import type { Log } from '../../../client/src/auth/loggedClient';
import type { SessionHolder, SignedIn } from '../../../client/src/auth/signedIn';

export class MemorySecrets implements SecretStore {
  readonly values = new Map<string, string>();
  async get(key: string): Promise<string | undefined> {
    return this.values.get(key);
  }
  async store(key: string, value: string): Promise<void> {
    this.values.set(key, value);
  }
  async delete(key: string): Promise<void> {
    this.values.delete(key);
  }
}

export class MemoryState implements StateStore {
  readonly values = new Map<string, unknown>();
  get<T>(key: string): T | undefined {
    // A copy, as a Memento hands out: callers cannot change the store behind its back.
    const value = this.values.get(key);
    return value === undefined ? undefined : (structuredClone(value) as T);
  }
  async update(key: string, value: unknown): Promise<void> {
    if (value === undefined) this.values.delete(key);
    else this.values.set(key, structuredClone(value));
  }
  /** Everything kept, as text: a token must never be in it. */
  dump(): string {
    return JSON.stringify([...this.values]);
  }
}

export class LinesLog implements Log {
  readonly lines: string[] = [];
  info(message: string): void {
    this.lines.push(`info ${message}`);
  }
  warn(message: string): void {
    this.lines.push(`warn ${message}`);
  }
  error(message: string): void {
    this.lines.push(`error ${message}`);
  }
}

/** Holds the session and remembers every change, like session.ts's event. */
export class RecordingSessions implements SessionHolder {
  current: SignedIn | undefined;
  readonly changes: (SignedIn | undefined)[] = [];
  private waiting: ((session: SignedIn | undefined) => void)[] = [];
  get(): SignedIn | undefined {
    return this.current;
  }
  set(session: SignedIn | undefined): void {
    this.current = session;
    this.changes.push(session);
    for (const resolve of this.waiting.splice(0)) resolve(session);
  }
  /** The next session set (an event, not a timer). */
  nextChange(): Promise<SignedIn | undefined> {
    return new Promise((resolve) => this.waiting.push(resolve));
  }
}
