import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addSums, batchPrice, formatAmount, priceText, sumPrices, sumText } from '../../../../client/src/tree/reading/priceText';
import type { Task } from '../../../../platform/src/types';

const priced = (amount: number, currency = 'USD'): Task => ({ id: `t${amount}${currency}`, status: 'COMPLETED', price: { currency, amount } });

describe('prices', () => {
  it("formats with Intl.NumberFormat in the task's currency and locale", () => {
    assert.equal(priceText(priced(1.5), 'en-US'), '$1.50');
    assert.equal(priceText(priced(2, 'EUR'), 'en-US'), '€2.00');
    assert.equal(priceText(priced(1234.5, 'EUR'), 'de-DE'), '1.234,50\u00a0€');
  });

  it('keeps an unknown currency code readable instead of throwing', () => {
    assert.equal(formatAmount(3, 'NOT-A-CODE', 'en-US'), '3.00 NOT-A-CODE');
  });

  it('has nothing to say for a task without a usable price', () => {
    assert.equal(priceText({ id: 't' }), undefined);
    assert.equal(priceText({ id: 't', price: { currency: 'USD', amount: Number.NaN } }), undefined);
  });

  it("a batch's total is the parent's own price once given, ignoring its children", () => {
    const parent: Task = { ...priced(9), batch: true };
    assert.equal(sumText(batchPrice(parent, [priced(1), priced(2)], 2), 'en-US'), '$9.00');
  });

  it("without the parent's price, the children read so far are summed and marked partial while any is unpriced or unread", () => {
    const parent: Task = { id: 'p', batch: true, status: 'RUNNING' };
    const running: Task = { id: 'r', status: 'RUNNING' };
    assert.equal(sumText(batchPrice(parent, [priced(1), priced(2.25)], 2), 'en-US'), '$3.25');
    assert.equal(sumText(batchPrice(parent, [priced(1), running], 2), 'en-US'), '$1.00 so far');
    assert.equal(sumText(batchPrice(parent, [priced(1), priced(2)], 5), 'en-US'), '$3.00 so far', '3 of 5 children not read yet');
    assert.equal(batchPrice(parent, undefined, 5), undefined, 'nothing read, nothing to say');
    assert.equal(batchPrice(parent, [running], 1), undefined, 'no child priced yet');
  });

  it('never adds amounts of different currencies', () => {
    const sum = addSums([sumPrices([priced(1), priced(2, 'EUR')]), sumPrices([priced(0.5)])]);
    assert.deepEqual([...sum.amounts], [['USD', 1.5], ['EUR', 2]]);
    assert.equal(sumText(sum, 'en-US'), '$1.50 + €2.00');
  });
});
