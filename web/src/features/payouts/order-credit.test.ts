import { describe, expect, it } from 'vitest';
import { ApiError } from '../../lib/api';
import { creditErrorOf, creditLimit, creditProblem, depositErrorOf, isOrderFundsError } from './order-credit';

const refused = (message: string, path: string) =>
  new ApiError(422, 'unprocessable', message, [{ path, message }], 'req_1');

describe('store credit on an order', () => {
  it('spends at most the credit and at most the order total', () => {
    expect(creditLimit(300_000n, 1_250_000n)).toBe(300_000n);
    expect(creditLimit(2_000_000n, 1_250_000n)).toBe(1_250_000n);
    expect(creditLimit(500_000n, 0n)).toBe(0n);
    expect(creditLimit(-10n, 100n)).toBe(0n);
  });

  it('says why a typed amount cannot be spent', () => {
    expect(creditProblem(0n, 300_000n, 1_250_000n)).toBeNull();
    expect(creditProblem(300_000n, 300_000n, 1_250_000n)).toBeNull();
    expect(creditProblem(300_001n, 300_000n, 1_250_000n)).toBe('aboveCredit');
    expect(creditProblem(1_250_001n, 2_000_000n, 1_250_000n)).toBe('aboveTotal');
  });

  it('reads the API refusing the store credit', () => {
    expect(creditErrorOf(refused('At most your store credit (300000 VND)', 'body.storeCreditMinor'))).toBe(
      'aboveCredit',
    );
    expect(creditErrorOf(refused('At most the order’s total', 'body.storeCreditMinor'))).toBe('aboveTotal');
    expect(creditErrorOf(refused('This program does not offer store credit', 'body.storeCreditMinor'))).toBe(
      'notOffered',
    );
    expect(creditErrorOf(refused('Minor units as a whole number', 'body.storeCreditMinor'))).toBe('invalid');
    expect(creditErrorOf(refused('Required', 'body.customer.name'))).toBeNull();
    expect(creditErrorOf(new Error('network'))).toBeNull();
  });

  it('reads the API refusing an order the deposit cannot cover, with both amounts', () => {
    const short = refused(
      'Your deposit (150000 VND) does not cover this order (1250000 VND); top it up first',
      'body.items',
    );
    expect(depositErrorOf(short)).toEqual({ depositMinor: '150000', neededMinor: '1250000' });
    expect(depositErrorOf(refused('Your deposit (-20000 VND) is short', 'body.items'))).toEqual({
      depositMinor: '-20000',
      neededMinor: null,
    });
    expect(depositErrorOf(refused('Product not found', 'body.items'))).toBeNull();
    expect(isOrderFundsError(short, false)).toBe(true);
  });

  it('leaves a credit refusal to the general alert when the form has no credit field', () => {
    const credit = refused('This program does not offer store credit', 'body.storeCreditMinor');
    expect(isOrderFundsError(credit, true)).toBe(true);
    expect(isOrderFundsError(credit, false)).toBe(false);
  });
});
