/** Void and rejected lines no longer count towards what an order or a partner earns. */
export const countsTowardsTotal = (status: string): boolean => status !== 'void' && status !== 'rejected';

/** The sum of the lines that still count, in minor units. */
export function commissionTotal(lines: { status: string; amountMinor: string }[]): bigint {
  return lines
    .filter((line) => countsTowardsTotal(line.status))
    .reduce((sum, line) => sum + BigInt(line.amountMinor), 0n);
}
