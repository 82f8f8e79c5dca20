/** "1 error", "3 errors": a count with its noun, for messages and tooltips. */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
