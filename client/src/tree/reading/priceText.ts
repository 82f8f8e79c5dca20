/**
 * What tasks cost, as the tree and the status bar say it: one task's `price`, a batch's total (the
 * parent's own price once the platform gives it, else the sum of the children read so far, marked
 * partial) and the total of the watched tasks. Amounts are formatted with Intl.NumberFormat in
 * the task's currency; sums never mix currencies.
 */
import type { Price, Task } from '../../../../platform/src/types';

export interface PriceSum {
  /** Amount by currency code. */
  readonly amounts: ReadonlyMap<string, number>;
  /** Some of what was summed has no price yet (still running, not read yet). */
  readonly partial: boolean;
}

export function formatAmount(amount: number, currency: string, locale?: string): string {
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(amount);
  } catch {
    // An unknown currency code: Intl refuses it, the number still says something.
    return `${amount.toFixed(2)} ${currency}`;
  }
}

export function priceOf(task: Task): Price | undefined {
  const price = task.price;
  return price && typeof price.amount === 'number' && Number.isFinite(price.amount) && typeof price.currency === 'string' ? price : undefined;
}

/** "$1.50" for a task the platform priced; undefined when it gave no price. */
export function priceText(task: Task, locale?: string): string | undefined {
  const price = priceOf(task);
  return price && formatAmount(price.amount, price.currency, locale);
}

export function sumPrices(tasks: Iterable<Task>, expected?: number): PriceSum {
  const amounts = new Map<string, number>();
  let count = 0;
  let unpriced = false;
  for (const task of tasks) {
    count++;
    const price = priceOf(task);
    if (!price) {
      unpriced = true;
      continue;
    }
    amounts.set(price.currency, (amounts.get(price.currency) ?? 0) + price.amount);
  }
  return { amounts, partial: unpriced || (expected !== undefined && count < expected) };
}

/**
 * A batch's cost: the parent's price when the platform gives one; else the sum of its children
 * read so far (`children`, undefined when none were read), partial while some child is unpriced
 * or unread (`childTotal` is how many the parent has).
 */
export function batchPrice(parent: Task, children: readonly Task[] | undefined, childTotal?: number): PriceSum | undefined {
  const own = priceOf(parent);
  if (own) return { amounts: new Map([[own.currency, own.amount]]), partial: false };
  if (!children || children.length === 0) return undefined;
  const sum = sumPrices(children, childTotal);
  return sum.amounts.size > 0 ? sum : undefined;
}

/** "$12.40", "€3.00 + $1.20", with " so far" when partial; undefined for nothing priced. */
export function sumText(sum: PriceSum | undefined, locale?: string): string | undefined {
  if (!sum || sum.amounts.size === 0) return undefined;
  const text = [...sum.amounts].map(([currency, amount]) => formatAmount(amount, currency, locale)).join(' + ');
  return sum.partial ? `${text} so far` : text;
}

export function addSums(sums: Iterable<PriceSum | undefined>): PriceSum {
  const amounts = new Map<string, number>();
  let partial = false;
  for (const sum of sums) {
    if (!sum) continue;
    partial ||= sum.partial;
    for (const [currency, amount] of sum.amounts) amounts.set(currency, (amounts.get(currency) ?? 0) + amount);
  }
  return { amounts, partial };
}
