import { and, asc, eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db';
import type { TenantContext } from '../../platform/services';
import { identities } from '../auth';
import { enrollments, partners } from '../partners';
import { anyOf } from './bulk-sql';
import { netLineAmounts, returnedValueMinor } from './order-totals';
import type { CreditedPartnerView, OrderItemView, OrderView } from './order-view';
import { orderItems, orders } from './schema';

export type OrderRow = typeof orders.$inferSelect;
export type OrderItemRow = typeof orderItems.$inferSelect;

const iso = (date: Date | null) => date?.toISOString() ?? null;
const minor = (value: bigint | null) => (value === null ? null : value.toString());

/** An order row and its lines as the API shows them. */
export function toOrderView(
  order: OrderRow,
  items: OrderItemRow[],
  partner: CreditedPartnerView | null,
): OrderView {
  const lines = [...items].sort((a, b) => a.lineNo - b.lineNo);
  const nets = netLineAmounts(lines, order.discountMinor);
  return {
    id: order.id,
    number: order.number,
    source: order.source,
    sourceId: order.sourceId,
    externalId: order.externalId,
    status: order.status,
    statusReason: order.statusReason,
    paymentStatus: order.paymentStatus,
    paymentMethod: order.paymentMethod,
    currency: order.currency,
    subtotalMinor: order.subtotalMinor.toString(),
    discountMinor: order.discountMinor.toString(),
    shippingMinor: order.shippingMinor.toString(),
    taxMinor: order.taxMinor.toString(),
    totalMinor: order.totalMinor.toString(),
    returnedMinor: order.returnedMinor.toString(),
    items: lines.map(
      (line, index): OrderItemView => ({
        lineNo: line.lineNo,
        externalLineId: line.externalLineId,
        productId: line.productId,
        categoryId: line.categoryId,
        sku: line.sku,
        name: line.name,
        quantity: line.quantity,
        unitPriceMinor: line.unitPriceMinor.toString(),
        discountMinor: line.discountMinor.toString(),
        lineTotalMinor: (BigInt(line.quantity) * line.unitPriceMinor - line.discountMinor).toString(),
        netMinor: nets[index]!.toString(),
        unitCostMinor: minor(line.unitCostMinor),
        unitCtvPriceMinor: minor(line.unitCtvPriceMinor),
        returnedQuantity: line.returnedQuantity,
        returnedMinor: returnedValueMinor(nets[index]!, line.quantity, line.returnedQuantity).toString(),
      }),
    ),
    customer: {
      id: order.customerId,
      name: order.customerName,
      phone: order.customerPhone,
      email: order.customerEmail,
    },
    shippingAddress: order.shippingAddress,
    note: order.note,
    programId: order.programId,
    enrollmentId: order.enrollmentId,
    partner,
    attributionMethod: order.attributionMethod,
    attributionEvidence: order.attributionEvidence,
    flags: order.flags,
    partnerCode: order.partnerCode,
    couponCode: order.couponCode,
    clickId: order.clickId,
    enteredByEnrollmentId: order.enteredByEnrollmentId,
    subscriptionId: order.subscriptionId,
    placedAt: order.placedAt.toISOString(),
    confirmedAt: iso(order.confirmedAt),
    completedAt: iso(order.completedAt),
    cancelledAt: iso(order.cancelledAt),
    paidAt: iso(order.paidAt),
    createdAt: order.createdAt.toISOString(),
    updatedAt: order.updatedAt.toISOString(),
  };
}

/** Name and referral code of the partners behind these enrollments, by enrollment id. */
export async function loadCreditedPartners(
  ctx: TenantContext,
  executor: Executor,
  enrollmentIds: Array<string | null>,
): Promise<Map<string, CreditedPartnerView>> {
  const ids = [...new Set(enrollmentIds.filter((id): id is string => Boolean(id)))];
  if (ids.length === 0) return new Map();
  const rows = await executor
    .select({
      enrollmentId: enrollments.id,
      partnerId: enrollments.partnerId,
      referralCode: enrollments.referralCode,
      name: identities.fullName,
    })
    .from(enrollments)
    .innerJoin(partners, eq(partners.id, enrollments.partnerId))
    .innerJoin(identities, eq(identities.id, partners.identityId))
    .where(and(eq(enrollments.orgId, ctx.orgId), anyOf(enrollments.id, ids)));
  return new Map(rows.map((row) => [row.enrollmentId, row]));
}

/** Views of stored orders, in the order of `ids` (missing ids are skipped). */
export async function loadOrderViews(
  ctx: TenantContext,
  executor: Executor,
  ids: string[],
): Promise<OrderView[]> {
  if (ids.length === 0) return [];
  const rows = await executor
    .select()
    .from(orders)
    .where(and(eq(orders.orgId, ctx.orgId), anyOf(orders.id, ids)));
  const items = await executor
    .select()
    .from(orderItems)
    .where(and(eq(orderItems.orgId, ctx.orgId), anyOf(orderItems.orderId, ids)))
    .orderBy(asc(orderItems.orderId), asc(orderItems.lineNo));
  const partnersById = await loadCreditedPartners(
    ctx,
    executor,
    rows.map((row) => row.enrollmentId),
  );
  const itemsByOrder = new Map<string, OrderItemRow[]>();
  for (const item of items) {
    const list = itemsByOrder.get(item.orderId) ?? [];
    list.push(item);
    itemsByOrder.set(item.orderId, list);
  }
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return [];
    return [
      toOrderView(
        row,
        itemsByOrder.get(id) ?? [],
        row.enrollmentId ? (partnersById.get(row.enrollmentId) ?? null) : null,
      ),
    ];
  });
}
