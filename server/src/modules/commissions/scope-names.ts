import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../platform/db';
import type { TenantContext } from '../../platform/services';
import { identities } from '../auth';
import { productCategories, products } from '../catalog';
import { orders } from '../orders/schema';
import { enrollments, partners } from '../partners';
import { commissionPlanVersions } from './schema';

type Scope = { kind: string; categoryId?: string; productId?: string; name?: string };
type WithExplanation = { explanation: Record<string, unknown> };

/**
 * Adds to each line's explanation the name of the category or product its rule was scoped to
 * (`scope.name`: the category's name, or the product's name and SKU), as they are called now, so
 * people read "Chăm sóc da" rather than an id. The stored explanation is not changed; a category or
 * product deleted since keeps no name.
 */
export async function nameScopes<T extends WithExplanation>(
  ctx: TenantContext,
  executor: Executor,
  lines: T[],
): Promise<T[]> {
  const scopeOf = (line: T) => line.explanation?.scope as Scope | undefined;
  const categoryIds = new Set<string>();
  const productIds = new Set<string>();
  for (const line of lines) {
    const scope = scopeOf(line);
    if (scope?.kind === 'category' && scope.categoryId) categoryIds.add(scope.categoryId);
    if (scope?.kind === 'product' && scope.productId) productIds.add(scope.productId);
  }
  if (categoryIds.size === 0 && productIds.size === 0) return lines;
  const [categoryRows, productRows] = await Promise.all([
    categoryIds.size === 0
      ? []
      : executor
          .select({ id: productCategories.id, name: productCategories.name })
          .from(productCategories)
          .where(
            and(eq(productCategories.orgId, ctx.orgId), inArray(productCategories.id, [...categoryIds])),
          ),
    productIds.size === 0
      ? []
      : executor
          .select({ id: products.id, name: products.name, sku: products.sku })
          .from(products)
          .where(and(eq(products.orgId, ctx.orgId), inArray(products.id, [...productIds]))),
  ]);
  const names = new Map<string, string>([
    ...categoryRows.map((row): [string, string] => [row.id, row.name]),
    ...productRows.map((row): [string, string] => [row.id, `${row.name} (${row.sku})`]),
  ]);
  return lines.map((line) => {
    const scope = scopeOf(line);
    const id = scope?.kind === 'category' ? scope.categoryId : scope?.productId;
    const name = id ? names.get(id) : undefined;
    return name ? { ...line, explanation: { ...line.explanation, scope: { ...scope, name } } } : line;
  });
}

type LineParties = { enrollmentId: string; orderId: string | null };

/**
 * Adds to each line who earns it and what it was earned on, as people know them: the partner's
 * name and referral code, and the order's number.
 */
export async function nameParties<T extends LineParties>(
  ctx: TenantContext,
  executor: Executor,
  lines: T[],
): Promise<(T & { partnerName: string | null; referralCode: string | null; orderNumber: string | null })[]> {
  const enrollmentIds = [...new Set(lines.map((line) => line.enrollmentId))];
  const orderIds = [...new Set(lines.flatMap((line) => (line.orderId ? [line.orderId] : [])))];
  const [people, numbers] = await Promise.all([
    enrollmentIds.length === 0
      ? []
      : executor
          .select({ id: enrollments.id, name: identities.fullName, code: enrollments.referralCode })
          .from(enrollments)
          .innerJoin(partners, eq(partners.id, enrollments.partnerId))
          .innerJoin(identities, eq(identities.id, partners.identityId))
          .where(and(eq(enrollments.orgId, ctx.orgId), inArray(enrollments.id, enrollmentIds))),
    orderIds.length === 0
      ? []
      : executor
          .select({ id: orders.id, number: orders.number })
          .from(orders)
          .where(and(eq(orders.orgId, ctx.orgId), inArray(orders.id, orderIds))),
  ]);
  const byEnrollment = new Map(people.map((row) => [row.id, row]));
  const byOrder = new Map(numbers.map((row) => [row.id, row.number]));
  return lines.map((line) => ({
    ...line,
    partnerName: byEnrollment.get(line.enrollmentId)?.name ?? null,
    referralCode: byEnrollment.get(line.enrollmentId)?.code ?? null,
    orderNumber: line.orderId ? (byOrder.get(line.orderId) ?? null) : null,
  }));
}

/** Adds to each line the number of the plan version that produced it ("version 2"), for people. */
export async function nameVersions<T extends { planVersionId: string | null }>(
  ctx: TenantContext,
  executor: Executor,
  lines: T[],
): Promise<(T & { planVersion: number | null })[]> {
  const ids = [...new Set(lines.flatMap((line) => (line.planVersionId ? [line.planVersionId] : [])))];
  const rows =
    ids.length === 0
      ? []
      : await executor
          .select({ id: commissionPlanVersions.id, version: commissionPlanVersions.version })
          .from(commissionPlanVersions)
          .where(and(eq(commissionPlanVersions.orgId, ctx.orgId), inArray(commissionPlanVersions.id, ids)));
  const byId = new Map(rows.map((row) => [row.id, row.version]));
  return lines.map((line) => ({
    ...line,
    planVersion: line.planVersionId ? (byId.get(line.planVersionId) ?? null) : null,
  }));
}
