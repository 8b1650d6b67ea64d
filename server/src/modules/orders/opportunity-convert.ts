import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db';
import { AppError } from '../../platform/errors';
import type { TenantContext } from '../../platform/services';
import { recordAudit } from '../audit';
import { normalisePhone } from '../auth';
import { notifyEnrollmentPartner } from './alerts-recipients';
import { ingestOrder } from './ingest-order';
import { getOpportunityRow, toStaffOpportunity } from './opportunity-find';
import { type CatalogLineInput, priceFromCatalog } from './partner-orders-catalog';
import { opportunities, orders } from './schema';

export type OpportunityOrderInput = {
  items: CatalogLineInput[];
  paymentMethod: 'cod' | 'transfer';
  shippingAddress?: string;
  note?: string;
  /** When the opportunity has none, or the customer gave another one. */
  customerPhone?: string;
};

/**
 * A won opportunity becomes an order, once: the order is keyed by the opportunity's id, entered
 * on behalf of the CTV who found the customer, priced from the catalog. Asking again answers the
 * order already made.
 */
export async function convertOpportunityToOrder(
  ctx: TenantContext,
  opportunityId: string,
  input: OpportunityOrderInput,
) {
  return ctx.services.db.transaction(async (tx) => {
    const opportunity = await getOpportunityRow(ctx, tx, opportunityId, { forUpdate: true });
    if (opportunity.orderId) {
      return {
        opportunity: await toStaffOpportunity(ctx, tx, opportunity),
        order: await orderSummary(ctx, tx, opportunity.orderId),
        created: false,
      };
    }
    if (opportunity.status === 'lost') {
      throw new AppError('unprocessable', 'This opportunity was lost; reopen it before making an order');
    }
    const phone = input.customerPhone ? normalisePhone(input.customerPhone) : opportunity.customerPhone;
    if (input.customerPhone && !phone) {
      throw new AppError('validation_failed', 'The customer’s phone number is not valid', {
        details: [{ path: 'body.customerPhone', message: 'Enter a Vietnamese or Thai phone number' }],
      });
    }
    const items = await priceFromCatalog(ctx, tx, { lines: input.items, currency: opportunity.currency });
    const { order } = await ingestOrder(ctx, tx, {
      source: 'partner',
      externalId: opportunity.id,
      number: `CH-${opportunity.id.slice(-8).toUpperCase()}`,
      programId: opportunity.programId,
      currency: opportunity.currency,
      status: 'pending',
      paymentMethod: input.paymentMethod,
      paymentStatus: input.paymentMethod === 'cod' ? 'cod_pending' : 'unpaid',
      customer: {
        name: opportunity.customerName,
        ...(phone ? { phone } : {}),
        ...(opportunity.customerEmail ? { email: opportunity.customerEmail } : {}),
      },
      shippingAddress: input.shippingAddress,
      note: input.note ?? opportunity.need,
      items,
      enteredByEnrollmentId: opportunity.enrollmentId,
    });
    const [after] = await tx
      .update(opportunities)
      .set({ status: 'won', statusReason: null, orderId: order.id, updatedAt: ctx.services.clock.now() })
      .where(and(eq(opportunities.orgId, ctx.orgId), eq(opportunities.id, opportunity.id)))
      .returning();
    await recordAudit(ctx, tx, {
      action: 'opportunity.converted',
      entityType: 'opportunity',
      entityId: opportunity.id,
      before: { status: opportunity.status },
      after: { status: 'won', orderId: order.id, totalMinor: order.totalMinor },
    });
    await notifyEnrollmentPartner(ctx, tx, {
      enrollmentId: opportunity.enrollmentId,
      kind: 'opportunity_won',
      params: { customerName: opportunity.customerName, orderNumber: order.number },
    });
    return {
      opportunity: await toStaffOpportunity(ctx, tx, after!),
      order: await orderSummary(ctx, tx, order.id),
      created: true,
    };
  });
}

async function orderSummary(ctx: TenantContext, executor: Executor, orderId: string) {
  const [row] = await executor
    .select({
      id: orders.id,
      number: orders.number,
      status: orders.status,
      currency: orders.currency,
      totalMinor: orders.totalMinor,
    })
    .from(orders)
    .where(and(eq(orders.orgId, ctx.orgId), eq(orders.id, orderId)));
  if (!row) throw new AppError('internal', 'The opportunity’s order is missing');
  return { ...row, totalMinor: row.totalMinor.toString() };
}
