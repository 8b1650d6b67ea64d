import { and, asc, desc, eq, inArray, type SQL } from 'drizzle-orm';
import { afterCursor, decodeCursor, type PageQuery, toPage } from '../../../platform/http/paging';
import type { Services } from '../../../platform/services';
import { products } from '../../catalog/schema';
import { computeOrderCommission, type Explanation } from '../engine/compute-order';
import { parsePlanVersion, versionInForce } from '../plans';
import { nameScopes } from '../scope-names';
import { getMyCommissionEnrollment } from './my-enrollment';
import { categoryParentsOf, categoryPathOf, myTierProgress } from './tier-progress';

/**
 * What the partner would earn on one unit of each active product, sold now by them alone: the plan
 * version in force, their group, their current tier, no uplines, not a repeat purchase. A lump
 * retroactive tier adjustment is not part of one unit's price, so it is left out.
 */
export async function findMyCatalogCommission(
  services: Services,
  identityId: string,
  query: PageQuery & { enrollmentId: string; productIds?: string[] },
) {
  const { ctx, enrollment } = await getMyCommissionEnrollment(services, identityId, query.enrollmentId);
  const executor = services.db;
  const now = services.clock.now();
  const conditions: SQL[] = [eq(products.orgId, ctx.orgId), eq(products.status, 'active')];
  if (query.productIds?.length) conditions.push(inArray(products.id, query.productIds));
  const after = afterCursor({
    sortColumn: products.createdAt,
    idColumn: products.id,
    cursor: decodeCursor(query.cursor),
    order: query.order,
    cast: 'timestamptz',
  });
  if (after) conditions.push(after);
  const direction = query.order === 'asc' ? asc : desc;
  const rows = await executor
    .select()
    .from(products)
    .where(and(...conditions))
    .orderBy(direction(products.createdAt), direction(products.id))
    .limit(query.limit + 1);

  const version = await versionInForce(ctx, executor, enrollment.programId, now);
  const plan = version ? parsePlanVersion(version) : undefined;
  const parents = await categoryParentsOf(ctx, executor);
  const tiers = plan ? await myTierProgress(ctx, executor, plan, enrollment, now, parents) : [];
  const tierProgress = Object.fromEntries(
    tiers.map((tier) => [
      tier.ruleId,
      { measureBefore: tier.volumeRaw, baseBefore: 0n, adjustedToTier: tier.reached - 1 },
    ]),
  );

  const page = toPage(
    rows,
    query.limit,
    (row) => ({ value: row.createdAt.toISOString(), id: row.id }),
    (product) => {
      const lines =
        plan && product.currency === enrollment.currency
          ? computeOrderCommission({
              plan,
              order: {
                id: `preview:${product.id}`,
                currency: product.currency,
                items: [
                  {
                    lineNo: 1,
                    productId: product.id,
                    categoryPath: categoryPathOf(product.categoryId, parents),
                    quantity: 1,
                    unitPriceMinor: product.priceMinor,
                    discountMinor: 0n,
                    unitCostMinor: product.costMinor,
                    unitCtvPriceMinor: product.ctvPriceMinor,
                  },
                ],
                orderDiscountMinor: 0n,
                repurchase: false,
                renewal: null,
              },
              partner: { enrollmentId: enrollment.id, groupId: enrollment.groupId },
              uplines: [],
              tierProgress,
            }).lines.filter(
              (line) =>
                line.enrollmentId === enrollment.id && line.level === 0 && line.kind !== 'tier_adjustment',
            )
          : undefined;
      return {
        productId: product.id,
        currency: product.currency,
        priceMinor: product.priceMinor.toString(),
        /** Null when no plan is in force or the product is priced in another currency. */
        amountMinor: lines ? lines.reduce((sum, line) => sum + line.amountMinor, 0n).toString() : null,
        lines: (lines ?? []).map((line) => ({
          kind: line.kind,
          ruleId: line.ruleId,
          ratePpm: line.ratePpm?.toString() ?? null,
          amountMinor: line.amountMinor.toString(),
          explanation: line.explanation as Explanation,
        })),
      };
    },
  );
  // the rules' categories and products by name, as on every other explanation
  const named = await nameScopes(
    ctx,
    executor,
    page.items.flatMap((item) => item.lines),
  );
  let next = 0;
  const items = page.items.map((item) => ({ ...item, lines: item.lines.map(() => named[next++]!) }));
  return { planVersion: version ? { id: version.id, version: version.version } : null, ...page, items };
}
