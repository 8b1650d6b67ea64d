import { ApiError } from '../../lib/api';

/** Why the store credit typed on an order cannot be spent. */
export type CreditProblem = 'aboveCredit' | 'aboveTotal' | 'notOffered' | 'invalid';

/** The most store credit an order may use: the credit, at most the order's total, never below zero. */
export function creditLimit(availableMinor: bigint, totalMinor: bigint): bigint {
  const limit = availableMinor < totalMinor ? availableMinor : totalMinor;
  return limit > 0n ? limit : 0n;
}

/** What is wrong with spending `amountMinor` of credit on an order, checked as the server does. */
export function creditProblem(
  amountMinor: bigint,
  availableMinor: bigint,
  totalMinor: bigint,
): CreditProblem | null {
  if (amountMinor <= 0n) return null;
  if (amountMinor > availableMinor) return 'aboveCredit';
  if (amountMinor > totalMinor) return 'aboveTotal';
  return null;
}

/** The API refusing the store credit of an order (422 on `body.storeCreditMinor`), by reason. */
export function creditErrorOf(error: unknown): CreditProblem | null {
  if (!(error instanceof ApiError) || error.status !== 422) return null;
  const detail = error.details.find((item) => item.path === 'body.storeCreditMinor');
  if (!detail) return null;
  if (/store credit \(/i.test(detail.message)) return 'aboveCredit';
  if (/total/i.test(detail.message)) return 'aboveTotal';
  if (/does not offer/i.test(detail.message)) return 'notOffered';
  return 'invalid';
}

/**
 * The API refusing an order the CTV's deposit (ký quỹ) cannot cover (422 on `body.items` naming the
 * deposit), with the deposit left and the amount the order needs when the message carries them.
 */
export function depositErrorOf(
  error: unknown,
): { depositMinor: string | null; neededMinor: string | null } | null {
  if (!(error instanceof ApiError) || error.status !== 422 || !/deposit/i.test(error.message)) return null;
  if (!error.details.some((item) => item.path === 'body.items')) return null;
  const amounts = [...error.message.matchAll(/\((-?\d+) [A-Z]{3}\)/g)].map((match) => match[1]!);
  return { depositMinor: amounts[0] ?? null, neededMinor: amounts[1] ?? null };
}

/**
 * Whether an order error is about its funds and explained where it belongs: under the store credit
 * field (when the form shows it) or in the deposit alert.
 */
export function isOrderFundsError(error: unknown, creditFieldShown: boolean): boolean {
  return (creditFieldShown && creditErrorOf(error) !== null) || depositErrorOf(error) !== null;
}
