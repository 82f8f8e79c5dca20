/**
 * What each task file last created, so sending the same content again soon asks first ("this
 * file created task X 3 minutes ago — create another?"). In memory: a new window starts fresh.
 */
import { createHash } from 'node:crypto';

/** How long the same content counts as "just sent". */
export const RESEND_WINDOW_MS = 15 * 60_000;

export interface RecentSend {
  taskId: string;
  taskName?: string;
  at: number;
}

export class RecentSends {
  private readonly sends = new Map<string, RecentSend & { digest: string }>();

  constructor(private readonly now: () => number = Date.now) {}

  remember(fileKey: string, text: string, task: { id: string; name?: string }): void {
    this.sends.set(fileKey, { digest: digest(text), taskId: task.id, taskName: task.name, at: this.now() });
  }

  /** The task this exact text created from this file within the window, if any. */
  sameAsRecent(fileKey: string, text: string): RecentSend | undefined {
    const last = this.sends.get(fileKey);
    if (!last || last.digest !== digest(text) || this.now() - last.at > RESEND_WINDOW_MS) return undefined;
    return { taskId: last.taskId, taskName: last.taskName, at: last.at };
  }
}

/** "3 minutes ago", "less than a minute ago". */
export function agoText(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return 'less than a minute ago';
  return `${minutes} ${minutes === 1 ? 'minute' : 'minutes'} ago`;
}

function digest(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
