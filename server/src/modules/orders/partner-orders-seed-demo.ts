import { and, asc, eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db';
import { newId } from '../../platform/ids';
import type { Services, TenantContext } from '../../platform/services';
import { products } from '../catalog';
import { enrollments } from '../partners';
import { programs } from '../programs';
import { ingestOrder } from './ingest-order';
import { recordOrderEvent } from './record-order-event';
import { opportunities } from './schema';

const HOUR = 60 * 60_000;

/**
 * Demo sales of one approved CTV: an order waiting for confirmation, a confirmed one, a completed
 * and paid one, and two opportunities, so the queue, the partner app and the pipeline have
 * something to show. Uses the first active products of the catalog (seed it first); keyed by fixed
 * external ids, so a second run adds nothing.
 */
export async function seedDemoSales(
  services: Services,
  ctx: TenantContext,
  input: { enrollmentId: string },
  executor: Executor = services.db,
): Promise<{ orders: number; opportunities: number }> {
  const [enrollment] = await executor
    .select({ programId: enrollments.programId, currency: programs.currency })
    .from(enrollments)
    .innerJoin(programs, and(eq(programs.orgId, enrollments.orgId), eq(programs.id, enrollments.programId)))
    .where(and(eq(enrollments.orgId, ctx.orgId), eq(enrollments.id, input.enrollmentId)));
  if (!enrollment) return { orders: 0, opportunities: 0 };
  const catalog = await executor
    .select({ sku: products.sku, name: products.name, priceMinor: products.priceMinor })
    .from(products)
    .where(
      and(
        eq(products.orgId, ctx.orgId),
        eq(products.status, 'active'),
        eq(products.currency, enrollment.currency),
      ),
    )
    .orderBy(asc(products.createdAt), asc(products.sku))
    .limit(3);
  if (catalog.length === 0) return { orders: 0, opportunities: 0 };
  const now = services.clock.now().getTime();
  const line = (index: number, quantity: number) => {
    const product = catalog[index % catalog.length]!;
    return { sku: product.sku, name: product.name, quantity, unitPriceMinor: product.priceMinor };
  };
  const demo = [
    {
      key: 'demo-ctv-1',
      name: 'Phạm Thu Hà',
      phone: '+84901234567',
      hoursAgo: 30,
      items: [line(0, 2), line(1, 1)],
    },
    { key: 'demo-ctv-2', name: 'Lê Minh Khôi', phone: '+84912345678', hoursAgo: 4, items: [line(1, 1)] },
    { key: 'demo-ctv-3', name: 'Ngô Bảo Châu', phone: '+84987654321', hoursAgo: 72, items: [line(2, 3)] },
  ];
  let created = 0;
  for (const [index, order] of demo.entries()) {
    const placedAt = new Date(now - order.hoursAgo * HOUR);
    const result = await ingestOrder(ctx, executor, {
      source: 'partner',
      externalId: order.key,
      number: `CTV-DEMO-${index + 1}`,
      programId: enrollment.programId,
      currency: enrollment.currency,
      placedAt,
      paymentMethod: 'cod',
      customer: { name: order.name, phone: order.phone },
      shippingAddress: '12 Lê Lợi, Phường Bến Nghé, Quận 1, TP. Hồ Chí Minh',
      items: order.items,
      enteredByEnrollmentId: input.enrollmentId,
    });
    if (!result.created) continue;
    created++;
    const at = (hours: number) => new Date(placedAt.getTime() + hours * HOUR);
    if (index === 1) continue;
    await recordOrderEvent(ctx, executor, {
      order: { id: result.order.id },
      type: 'confirmed',
      dedupeKey: 'demo-confirmed',
      occurredAt: at(1),
    });
    if (index === 2) {
      await recordOrderEvent(ctx, executor, {
        order: { id: result.order.id },
        type: 'completed',
        dedupeKey: 'demo-completed',
        occurredAt: at(26),
      });
      await recordOrderEvent(ctx, executor, {
        order: { id: result.order.id },
        type: 'payment',
        paymentStatus: 'paid',
        dedupeKey: 'demo-paid',
        occurredAt: at(26),
      });
    }
  }
  const existing = await executor
    .select({ id: opportunities.id })
    .from(opportunities)
    .where(and(eq(opportunities.orgId, ctx.orgId), eq(opportunities.enrollmentId, input.enrollmentId)))
    .limit(1);
  if (existing.length > 0) return { orders: created, opportunities: 0 };
  const leads = [
    {
      customerName: 'Võ Minh Tuấn',
      need: 'Cần 20 bộ quà Tết cho nhân viên công ty, giao trước 20 tháng Chạp',
      value: 9_000_000n,
    },
    {
      customerName: 'Đặng Thị Hồng',
      need: 'Hỏi combo chăm sóc da cho da dầu, muốn được tư vấn qua Zalo',
      value: null,
    },
  ];
  for (const [index, lead] of leads.entries()) {
    const createdAt = new Date(now - (index + 1) * 24 * HOUR);
    await executor.insert(opportunities).values({
      orgId: ctx.orgId,
      id: newId('opportunity', createdAt.getTime()),
      programId: enrollment.programId,
      enrollmentId: input.enrollmentId,
      customerName: lead.customerName,
      need: lead.need,
      currency: enrollment.currency,
      estimatedValueMinor: lead.value,
      status: index === 0 ? 'contacted' : 'new',
      createdAt,
      updatedAt: createdAt,
    });
  }
  return { orders: created, opportunities: leads.length };
}
