/** How long a task runs and whether it fails: fixed by its id, so every run of a test agrees. */
import { unitFraction } from '../ids';

export const MIN_DURATION_S = 30;
export const MAX_DURATION_S = 90;

export function outcomeOf(taskId: string, failShare: number): { durationMs: number; willFail: boolean } {
  const seconds = MIN_DURATION_S + Math.floor(unitFraction(`${taskId}:duration`) * (MAX_DURATION_S - MIN_DURATION_S + 1));
  return { durationMs: seconds * 1000, willFail: unitFraction(`${taskId}:fail`) < failShare };
}
