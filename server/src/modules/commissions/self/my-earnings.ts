import type { Services } from '../../../platform/services';
import { balancesOf } from '../ledger';
import { parsePlanVersion, versionInForce } from '../plans';
import { getMyCommissionEnrollment } from './my-enrollment';
import { categoryParentsOf, myTierProgress } from './tier-progress';

/**
 * The partner's earnings in one program: ledger balances by bucket (sums of entries, the same
 * figures staff see) and where they stand in each tier rule of the plan version in force now.
 */
export async function getMyEarnings(services: Services, identityId: string, enrollmentId: string) {
  const { ctx, enrollment } = await getMyCommissionEnrollment(services, identityId, enrollmentId);
  const executor = services.db;
  const now = services.clock.now();
  const balances = await balancesOf(ctx, executor, enrollment.id);
  const currencies = new Set([enrollment.currency, ...balances.keys()]);
  const version = await versionInForce(ctx, executor, enrollment.programId, now);
  const tiers = version
    ? await myTierProgress(
        ctx,
        executor,
        parsePlanVersion(version),
        enrollment,
        now,
        await categoryParentsOf(ctx, executor),
      )
    : [];
  return {
    enrollmentId: enrollment.id,
    currency: enrollment.currency,
    balances: [...currencies].map((currency) => {
      const buckets = balances.get(currency);
      return {
        currency,
        pendingMinor: (buckets?.pending ?? 0n).toString(),
        onHoldMinor: (buckets?.on_hold ?? 0n).toString(),
        payableMinor: (buckets?.payable ?? 0n).toString(),
        paidMinor: (buckets?.paid ?? 0n).toString(),
      };
    }),
    planVersion: version ? { id: version.id, version: version.version } : null,
    tiers: tiers.map(({ volumeRaw: _, ...tier }) => tier),
  };
}
