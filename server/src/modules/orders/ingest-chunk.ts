import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db';
import { newId } from '../../platform/ids';
import type { TenantContext } from '../../platform/services';
import { products } from '../catalog/schema';
import { programs } from '../programs';
import type { AttributionDecision, CandidateProgram } from './attribution/decide-attribution';
import { prepareAttribution } from './attribution/load-attribution';
import { anyOf, insertRows, rowsOf } from './bulk-sql';
import type { Customer } from './customers/match-customers';
import { matchCustomers } from './customers/match-customers';
import { writeCustomerOwnership } from './customers/write-ownership';
import type { OrderItemInput } from './ingest-order';
import type { OrderView } from './order-view';
import {
  loadCreditedPartners,
  loadOrderViews,
  type OrderItemRow,
  type OrderRow,
  toOrderView,
} from './order-views';
import type { PreparedOrder } from './prepare-order-input';
import { orderEvents, orderItems, orders } from './schema';

export type ChunkResult = { order: OrderView; created: boolean };

const DAY_MS = 86_400_000;

/**
 * Ingests a chunk of orders whose (source, external id) are distinct, in the caller's transaction:
 * orders already stored are answered as stored; the others get their customer, catalog facts and
 * attribution from batched look-ups and are written with multi-row inserts. `on conflict do
 * nothing` makes a concurrent delivery of the same order lose quietly and read the winner's row.
 */
export async function ingestChunk(
  ctx: TenantContext,
  executor: Executor,
  chunk: PreparedOrder[],
): Promise<Map<string, ChunkResult>> {
  const results = new Map<string, ChunkResult>();
  const stored = await findStoredIds(ctx, executor, chunk);
  const fresh = chunk.filter((order) => !stored.has(order.key));
  if (fresh.length > 0) {
    const written = await writeFresh(ctx, executor, fresh);
    for (const [key, view] of written.created) results.set(key, { order: view, created: true });
    for (const [key, id] of written.lost) stored.set(key, id);
  }
  const views = await loadOrderViews(ctx, executor, [...stored.values()]);
  const byId = new Map(views.map((view) => [view.id, view]));
  for (const [key, id] of stored) results.set(key, { order: byId.get(id)!, created: false });
  return results;
}

async function findStoredIds(ctx: TenantContext, executor: Executor, chunk: PreparedOrder[]) {
  const rows = rowsOf(
    await executor.execute(sql`
      select o.id, o.source, o.external_id from orders o
      join unnest(${sql.param(chunk.map((order) => order.input.source))}::text[],
                  ${sql.param(chunk.map((order) => order.input.externalId))}::text[]) as k(source, external_id)
        on o.org_id = ${ctx.orgId} and o.source = k.source and o.external_id = k.external_id`),
  ) as Array<{ id: string; source: string; external_id: string }>;
  return new Map(rows.map((row) => [`${row.source}\u001f${row.external_id}`, row.id]));
}

async function writeFresh(ctx: TenantContext, executor: Executor, fresh: PreparedOrder[]) {
  const now = ctx.services.clock.now();
  const customers = await matchCustomers(
    ctx,
    executor,
    fresh.map((order) => ({
      source: order.input.source,
      externalId: order.input.customer?.externalId?.trim() || null,
      name: order.input.customer?.name?.trim() ?? '',
      phone: order.phone,
      email: order.email,
    })),
  );
  const catalog = await loadProducts(
    ctx,
    executor,
    fresh.flatMap((order) => order.input.items.map((item) => item.sku)),
  );
  const ownershipDays = await loadOwnershipDays(ctx, executor);
  const requests = fresh.map((order, index) => ({
    at: order.placedAt,
    currency: order.input.currency,
    partnerCode: order.partnerCode,
    couponCode: order.couponCode,
    clickId: order.clickId,
    customer: customers[index]!,
    enteredByEnrollmentId: order.input.enteredByEnrollmentId ?? null,
    contact: { phone: order.phone, email: order.email },
    clientIpHash: order.clientIpHash,
  }));
  const decide = await prepareAttribution(ctx, executor, requests);

  // In time order, so a customer's first credited order makes the owner of their later ones.
  const sequence = fresh
    .map((_, index) => index)
    .sort((a, b) => fresh[a]!.placedAt.getTime() - fresh[b]!.placedAt.getTime());
  const decisions: AttributionDecision[] = new Array(fresh.length);
  const touched = new Map<string, { customer: Customer; orderIds: Set<string>; changed: boolean }>();
  const orderIds = fresh.map(() => newId('order', now.getTime()));
  for (const index of sequence) {
    const decision = decide(requests[index]!);
    decisions[index] = decision;
    const customer = customers[index];
    if (!customer) continue;
    const changed = applyOwnership(customer, decision, fresh[index]!.placedAt, ownershipDays);
    const entry = touched.get(customer.id) ?? { customer, orderIds: new Set<string>(), changed: false };
    entry.orderIds.add(orderIds[index]!);
    entry.changed ||= changed;
    touched.set(customer.id, entry);
  }

  const orderRows: OrderRow[] = fresh.map((order, index) =>
    toOrderRow(ctx, order, orderIds[index]!, customers[index] ?? null, decisions[index]!, now),
  );
  const itemRows: OrderItemRow[] = fresh.flatMap((order, index) =>
    order.input.items.map((item, line) =>
      toItemRow(ctx, { id: orderIds[index]!, currency: order.input.currency }, item, line + 1, catalog),
    ),
  );

  const actor = eventActor(ctx);
  const eventRows = orderRows.map((row) => ({
    orgId: ctx.orgId,
    id: newId('orderEvent', now.getTime()),
    orderId: row.id,
    type: 'created' as const,
    dedupeKey: 'created',
    occurredAt: row.placedAt,
    data: {
      status: row.status,
      paymentStatus: row.paymentStatus,
      ...(row.statusReason ? { reason: row.statusReason } : {}),
    },
    actorType: row.source === 'partner' ? ('partner' as const) : actor.type,
    actorId: row.source === 'partner' ? row.enteredByEnrollmentId : actor.id,
    actorLabel: actor.label,
    createdAt: now,
  }));
  // One round trip: the orders that were new, then only their items and 'created' events.
  const inserted = await insertRows(executor, orders, orderRows, {
    onConflictDoNothing: true,
    returning: 'id',
    alsoInsert: [
      { table: orderItems, rows: itemRows, onlyFor: 'order_id' },
      { table: orderEvents, rows: eventRows, onlyFor: 'order_id' },
    ],
  });
  const insertedIds = new Set(inserted.map((row) => row.id as string));
  const lost = new Map<string, string>();
  const lostOrders = fresh.filter((_, index) => !insertedIds.has(orderIds[index]!));
  if (lostOrders.length > 0)
    for (const [key, id] of await findStoredIds(ctx, executor, lostOrders)) lost.set(key, id);
  const keptItems = itemRows.filter((item) => insertedIds.has(item.orderId));

  const ownershipUpdates = [...touched.values()]
    .filter((entry) => entry.changed && [...entry.orderIds].some((id) => insertedIds.has(id)))
    .map((entry) => entry.customer);
  await writeCustomerOwnership(ctx, executor, ownershipUpdates);

  const partners = await loadCreditedPartners(
    ctx,
    executor,
    orderRows.map((row) => row.enrollmentId),
  );
  const itemsByOrder = new Map<string, OrderItemRow[]>();
  for (const item of keptItems) {
    const list = itemsByOrder.get(item.orderId) ?? [];
    list.push(item);
    itemsByOrder.set(item.orderId, list);
  }
  const created = new Map<string, OrderView>();
  fresh.forEach((order, index) => {
    const row = orderRows[index]!;
    if (!insertedIds.has(row.id)) return;
    const partner = row.enrollmentId ? (partners.get(row.enrollmentId) ?? null) : null;
    created.set(order.key, toOrderView(row, itemsByOrder.get(row.id) ?? [], partner));
  });
  return { created, lost };
}

/**
 * A credited, unflagged order gives its customer an owner when they have none (or the last
 * owner's window ended before it): the credited partner, from the order's time, for the program's
 * ownership days (null: for life). Flagged orders never make owners.
 */
function applyOwnership(
  customer: Customer,
  decision: AttributionDecision,
  placedAt: Date,
  ownershipDays: Map<string, number | null>,
): boolean {
  let changed = false;
  if (!customer.firstOrderAt || placedAt < customer.firstOrderAt) {
    customer.firstOrderAt = placedAt;
    changed = true;
  }
  if (!decision.enrollmentId || !decision.programId || decision.flags.length > 0) return changed;
  const free =
    !customer.ownerEnrollmentId || (customer.ownedUntil !== null && customer.ownedUntil <= placedAt);
  if (!free) return changed;
  const days = ownershipDays.get(decision.programId) ?? null;
  customer.ownerEnrollmentId = decision.enrollmentId;
  customer.ownedSince = placedAt;
  customer.ownedUntil = days === null ? null : new Date(placedAt.getTime() + days * DAY_MS);
  return true;
}

function toOrderRow(
  ctx: TenantContext,
  order: PreparedOrder,
  id: string,
  customer: Customer | null,
  decision: AttributionDecision,
  now: Date,
): OrderRow {
  const input = order.input;
  const at = order.placedAt;
  return {
    orgId: ctx.orgId,
    id,
    source: input.source,
    sourceId: input.sourceId ?? null,
    externalId: input.externalId,
    number: input.number?.trim() || input.externalId,
    programId: decision.programId ?? input.programId ?? null,
    enrollmentId: decision.enrollmentId,
    attributionMethod: decision.method,
    attributionEvidence: decision.evidence,
    flags: decision.flags,
    customerId: customer?.id ?? null,
    customerName: input.customer?.name?.trim() || customer?.name || '',
    customerPhone: order.phone ?? (input.customer?.phone?.trim() || null),
    customerEmail: order.email,
    shippingAddress: input.shippingAddress?.trim() || null,
    note: input.note?.trim() ?? '',
    partnerCode: order.partnerCode,
    couponCode: order.couponCode,
    clickId: order.clickId,
    clientIpHash: order.clientIpHash,
    enteredByEnrollmentId: decision.enteredByEnrollmentId,
    subscriptionId: input.subscriptionId ?? null,
    currency: input.currency,
    subtotalMinor: order.subtotalMinor,
    discountMinor: order.discountMinor,
    shippingMinor: order.shippingMinor,
    taxMinor: order.taxMinor,
    totalMinor: order.totalMinor,
    returnedMinor: 0n,
    status: order.status,
    statusReason: order.status === 'cancelled' ? input.note?.trim() || null : null,
    paymentStatus: order.paymentStatus,
    paymentMethod: input.paymentMethod ?? null,
    placedAt: at,
    confirmedAt: order.status === 'confirmed' ? at : null,
    completedAt: order.status === 'completed' ? at : null,
    cancelledAt: order.status === 'cancelled' ? at : null,
    paidAt: order.paymentStatus === 'paid' ? at : null,
    createdAt: now,
    updatedAt: now,
  };
}

/** Who the 'created' event names: the API key, staff member, webhook or the system. */
export function eventActor(ctx: TenantContext) {
  const actor = ctx.actor;
  return {
    type: actor.type,
    id: actor.type === 'system' ? null : actor.id,
    label: actor.label,
  };
}

/** An order line as stored: the catalog's product, category, cost and CTV price by its SKU. */
export function toItemRow(
  ctx: TenantContext,
  order: { id: string; currency: string },
  item: OrderItemInput,
  lineNo: number,
  catalog: Catalog,
): OrderItemRow {
  const product = catalog.get(item.sku.trim().toUpperCase());
  const sameCurrency = product?.currency === order.currency;
  return {
    orgId: ctx.orgId,
    orderId: order.id,
    lineNo,
    externalLineId: item.externalLineId ?? null,
    productId: product?.id ?? null,
    sku: item.sku.trim(),
    name: item.name?.trim() || product?.name || item.sku.trim(),
    categoryId: product?.categoryId ?? null,
    quantity: item.quantity,
    unitPriceMinor: item.unitPriceMinor,
    discountMinor: item.discountMinor ?? 0n,
    unitCostMinor: sameCurrency ? (product?.costMinor ?? null) : null,
    unitCtvPriceMinor: sameCurrency ? (product?.ctvPriceMinor ?? null) : null,
    returnedQuantity: 0,
  };
}

type Catalog = Awaited<ReturnType<typeof loadProducts>>;

/** The catalog's products of the given SKUs, by upper-case SKU. */
export async function loadProducts(ctx: TenantContext, executor: Executor, skuList: string[]) {
  const skus = [...new Set(skuList.map((sku) => sku.trim().toUpperCase()))];
  const rows = await executor
    .select({
      id: products.id,
      sku: products.sku,
      name: products.name,
      categoryId: products.categoryId,
      currency: products.currency,
      costMinor: products.costMinor,
      ctvPriceMinor: products.ctvPriceMinor,
    })
    .from(products)
    .where(and(eq(products.orgId, ctx.orgId), anyOf(sql`upper(${products.sku})`, skus)));
  return new Map(rows.map((row) => [row.sku.toUpperCase(), row]));
}

async function loadOwnershipDays(ctx: TenantContext, executor: Executor) {
  const rows = await executor
    .select({ id: programs.id, days: programs.customerOwnershipDays })
    .from(programs)
    .where(eq(programs.orgId, ctx.orgId));
  return new Map<string, CandidateProgram['customerOwnershipDays']>(rows.map((row) => [row.id, row.days]));
}
