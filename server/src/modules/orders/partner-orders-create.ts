import { and, eq } from 'drizzle-orm';
import { AppError, conflict } from '../../platform/errors';
import type { Services } from '../../platform/services';
import { normalisePhone } from '../auth';
import { chargeOrderFunds } from '../payouts/order-funds';
import { ingestOrder } from './ingest-order';
import { getMySeat } from './partner-orders-access';
import { type CatalogLineInput, priceFromCatalog } from './partner-orders-catalog';
import { toPartnerOrderView } from './partner-orders-view';
import { orders } from './schema';

export type MyOrderInput = {
  enrollmentId: string;
  /** A uuid the app makes once per order form, so a double tap or a retry makes one order. */
  clientOrderId: string;
  customer: { name: string; phone: string; address: string };
  items: CatalogLineInput[];
  note?: string;
  paymentMethod: 'cod' | 'transfer';
  /** Store credit spent on this order (minor units), at most the total and the CTV's credit. */
  storeCreditMinor?: bigint;
};

/**
 * A CTV enters an order for their customer: priced from the catalog, waiting for care staff to
 * confirm it, credited to the CTV unless stronger evidence (customer ownership …) says otherwise.
 * A second submission with the same clientOrderId answers the order already made.
 */
export async function createMyOrder(services: Services, identityId: string, input: MyOrderInput) {
  const phone = normalisePhone(input.customer.phone);
  if (!phone) {
    throw new AppError('validation_failed', 'The customer’s phone number is not valid', {
      details: [{ path: 'body.customer.phone', message: 'Enter a Vietnamese or Thai phone number' }],
    });
  }
  return services.db.transaction(async (tx) => {
    const seat = await getMySeat(services, identityId, input.enrollmentId, { approved: true, executor: tx });
    const { ctx } = seat;
    const [existing] = await tx
      .select({ enteredBy: orders.enteredByEnrollmentId })
      .from(orders)
      .where(
        and(
          eq(orders.orgId, ctx.orgId),
          eq(orders.source, 'partner'),
          eq(orders.externalId, input.clientOrderId),
        ),
      );
    if (existing && existing.enteredBy !== seat.enrollment.id) {
      throw conflict('This order id is already used; open a new order form');
    }
    const items = await priceFromCatalog(ctx, tx, { lines: input.items, currency: seat.program.currency });
    const { order, created } = await ingestOrder(ctx, tx, {
      source: 'partner',
      externalId: input.clientOrderId,
      number: `CTV-${input.clientOrderId.replace(/-/g, '').slice(0, 8).toUpperCase()}`,
      programId: seat.program.id,
      currency: seat.program.currency,
      status: 'pending',
      paymentMethod: input.paymentMethod,
      paymentStatus: input.paymentMethod === 'cod' ? 'cod_pending' : 'unpaid',
      customer: { name: input.customer.name, phone },
      shippingAddress: input.customer.address,
      note: input.note ?? '',
      items,
      enteredByEnrollmentId: seat.enrollment.id,
    });
    if (created)
      await chargeOrderFunds(ctx, tx, {
        orderId: order.id,
        enrollmentId: seat.enrollment.id,
        programId: seat.program.id,
        currency: seat.program.currency,
        totalMinor: BigInt(order.totalMinor),
        storeCreditMinor: input.storeCreditMinor ?? 0n,
      });
    const [row] = await tx
      .select()
      .from(orders)
      .where(and(eq(orders.orgId, ctx.orgId), eq(orders.id, order.id)));
    return { order: toPartnerOrderView(row!, [seat.enrollment.id]), created };
  });
}
