/**
 * What an emulated task costs: the hourly rate of its instance type times the time it ran
 * (docs/PLATFORM.md#the-task-resource: `price {currency, amount, breakdown}`, breakdown values as
 * strings). The rates are the emulator's own, in the range of on-demand cloud prices, so the demo
 * shows believable costs. A batch parent costs what its children cost.
 */
import type { Price, Task } from '../../../platform/src/types';

export const DEFAULT_INSTANCE_TYPE = 'c5.2xlarge';

/** USD per hour by instance type. */
const HOURLY_USD: Record<string, number> = {
  'c5.2xlarge': 0.34,
  'c5.4xlarge': 0.68,
  'c5.9xlarge': 1.53,
  'm5.2xlarge': 0.384,
  'm5.4xlarge': 0.768,
  'r5.4xlarge': 1.008,
  'n1-standard-8': 0.38,
};

export function instanceTypeOf(task: Task): string {
  const chosen = task.execution_settings?.instance_type;
  return typeof chosen === 'string' && chosen.length > 0 ? chosen.replace(/;.*$/, '') : DEFAULT_INSTANCE_TYPE;
}

export function priceOfRun(task: Task, runMs: number): Price {
  const rate = HOURLY_USD[instanceTypeOf(task)] ?? HOURLY_USD[DEFAULT_INSTANCE_TYPE];
  const computation = round((rate * runMs) / 3_600_000);
  return { currency: 'USD', amount: computation, breakdown: { storage: '0.00', computation: computation.toFixed(4) } };
}

export function sumOfPrices(children: Iterable<Task>): Price {
  let amount = 0;
  for (const child of children) amount += child.price?.amount ?? 0;
  amount = round(amount);
  return { currency: 'USD', amount, breakdown: { storage: '0.00', computation: amount.toFixed(4) } };
}

function round(amount: number): number {
  return Math.round(amount * 10_000) / 10_000;
}
