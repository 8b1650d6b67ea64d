import { and, eq } from 'drizzle-orm';
import type { Services, TenantContext } from '../../platform/services';
import { identities } from '../auth';
import { products } from '../catalog/schema';
import { enrollments, partners } from '../partners';
import { ingestOrders, type OrderInput } from './ingest-order';
import { recordOrderEvent } from './record-order-event';

const DAY = 86_400_000;
const CUSTOMERS = [
  { name: 'Nguyễn Thị Lan', phone: '0903111201' },
  { name: 'Trần Văn Hùng', phone: '0903111202' },
  { name: 'Lê Thị Hoa', phone: '0903111203' },
  { name: 'Phạm Minh Tuấn', phone: '0903111204' },
  { name: 'Vũ Thị Yến', phone: '0903111205' },
  { name: 'Đặng Quốc An', phone: '0903111206' },
  { name: 'Bùi Thị Trang', phone: '0903111207' },
  { name: 'Hồ Văn Long', phone: '0903111208' },
  { name: 'Ngô Thị Chi', phone: '0903111209' },
  { name: 'Dương Thanh Sơn', phone: '0903111210' },
];

/**
 * Demo orders: about 40 over the last 60 days from the API and a Shopify store, credited by
 * referral code, coupon or returning customer to the given approved enrollments, in every status
 * (pending, confirmed, completed, cancelled with a reason), with one partial return and one
 * self-referral flagged for review. Items come from the organisation's catalog when it has one.
 */
export async function seedDemoOrders(
  services: Services,
  ctx: TenantContext,
  options: { programId: string; enrollmentIds: string[]; couponCode?: string },
) {
  const db = services.db;
  const now = services.clock.now().getTime();
  const team = await db
    .select({
      id: enrollments.id,
      code: enrollments.referralCode,
      phone: identities.phone,
      email: identities.email,
    })
    .from(enrollments)
    .innerJoin(partners, eq(partners.id, enrollments.partnerId))
    .innerJoin(identities, eq(identities.id, partners.identityId))
    .where(and(eq(enrollments.orgId, ctx.orgId), eq(enrollments.status, 'approved')));
  const credited = team.filter((member) => options.enrollmentIds.includes(member.id));
  if (credited.length === 0) return { orders: 0 };
  const catalog = await db
    .select({ sku: products.sku, priceMinor: products.priceMinor, currency: products.currency })
    .from(products)
    .where(and(eq(products.orgId, ctx.orgId), eq(products.status, 'active')))
    .limit(12);
  const skus = catalog.length
    ? catalog
    : [
        { sku: 'HS-DEMO-1', priceMinor: 189_000n, currency: 'VND' },
        { sku: 'HS-DEMO-2', priceMinor: 259_000n, currency: 'VND' },
        { sku: 'HS-DEMO-3', priceMinor: 99_000n, currency: 'VND' },
      ];

  const inputs: OrderInput[] = Array.from({ length: 40 }, (_, i) => {
    const partner = credited[i % credited.length]!;
    const customer = CUSTOMERS[i % CUSTOMERS.length]!;
    const first = skus[i % skus.length]!;
    const second = skus[(i * 3 + 1) % skus.length]!;
    const evidence =
      i < 10
        ? { partnerCode: partner.code }
        : i < 18 && options.couponCode
          ? { couponCode: options.couponCode }
          : {};
    return {
      source: i % 4 === 3 ? 'shopify' : 'api',
      externalId: `DEMO-${1001 + i}`,
      number: `#${1001 + i}`,
      currency: first.currency,
      placedAt: new Date(now - (60 - i * 1.4) * DAY),
      paymentMethod: i % 3 === 0 ? 'cod' : 'transfer',
      customer: { name: customer.name, phone: customer.phone },
      shippingAddress: 'Quận 1, TP Hồ Chí Minh',
      items: [
        { sku: first.sku, quantity: 1 + (i % 2), unitPriceMinor: first.priceMinor },
        ...(i % 3 === 1 ? [{ sku: second.sku, quantity: 1, unitPriceMinor: second.priceMinor }] : []),
      ],
      shippingMinor: first.currency === 'VND' ? 30_000n : 0n,
      ...evidence,
    } satisfies OrderInput;
  });
  // the partner buying for themself with their own code: flagged, not silently credited
  const self = credited[0]!;
  inputs.push({
    source: 'api',
    externalId: 'DEMO-SELF-1',
    number: '#1041',
    currency: skus[0]!.currency,
    placedAt: new Date(now - 3 * DAY),
    customer: { name: 'Mua cho bản thân', phone: self.phone ?? undefined, email: self.email ?? undefined },
    items: [{ sku: skus[0]!.sku, quantity: 1, unitPriceMinor: skus[0]!.priceMinor }],
    partnerCode: self.code,
  });
  const results = await ingestOrders(ctx, db, inputs);

  for (const [i, result] of results.entries()) {
    if (!result.ok || !result.created) continue;
    const order = { id: result.order.id };
    const at = new Date(result.order.placedAt).getTime();
    const event = (type: 'confirmed' | 'completed', hours: number) =>
      recordOrderEvent(ctx, db, {
        order,
        type,
        dedupeKey: `demo-${type}`,
        occurredAt: new Date(at + hours * 3_600_000),
      });
    if (i >= 36) continue; // the latest orders (and the flagged one) stay pending
    if (i % 9 === 4) {
      await recordOrderEvent(ctx, db, {
        order,
        type: 'cancelled',
        dedupeKey: 'demo-cancel',
        reason: 'Khách đổi ý, không nhận hàng',
        occurredAt: new Date(at + 5 * 3_600_000),
      });
      continue;
    }
    await event('confirmed', 2);
    if (i >= 30) continue;
    await event('completed', 48);
    await recordOrderEvent(ctx, db, {
      order,
      type: 'payment',
      dedupeKey: 'demo-paid',
      paymentStatus: 'paid',
      occurredAt: new Date(at + 48 * 3_600_000),
    });
    if (i === 7) {
      await recordOrderEvent(ctx, db, {
        order,
        type: 'returned',
        dedupeKey: 'demo-return',
        returnItems: [{ lineNo: 1, quantity: 1 }],
        occurredAt: new Date(at + 96 * 3_600_000),
      });
    }
  }
  return { orders: results.filter((result) => result.ok).length };
}
