import type { Services, TenantContext } from '../../platform/services';
import { processDelivery } from './deliveries/process-delivery';
import { receiveDelivery } from './hooks/receive-delivery';
import { hmacBase64 } from './hooks/signatures';
import { createWebhookSource } from './sources/create-webhook-source';

const DEMO_SECRET = 'demo-shopify-signing-secret-hoa-sen';

type DemoItem = { sku: string; title: string; price: string; quantity: number };

function demoOrder(n: number, at: Date, items: DemoItem[], extra: Record<string, unknown> = {}) {
  const iso = at.toISOString();
  return {
    id: 5_600_000_000_000 + n,
    name: `#${1000 + n}`,
    email: `khach${n}@example.vn`,
    phone: `+8490${String(1_000_000 + n).slice(-7)}`,
    created_at: iso,
    updated_at: iso,
    currency: 'VND',
    financial_status: 'paid',
    fulfillment_status: null,
    confirmed: true,
    cancelled_at: null,
    taxes_included: true,
    total_tax: '0.00',
    total_discounts: '0.00',
    payment_gateway_names: ['shopify_payments'],
    customer: {
      id: 7_200_000_000 + n,
      first_name: 'Khách',
      last_name: `Demo ${n}`,
      email: `khach${n}@example.vn`,
    },
    shipping_lines: [{ title: 'Giao hàng tiêu chuẩn', price: '30000.00' }],
    line_items: items.map((item, index) => ({
      id: 13_000_000_000 + n * 10 + index,
      sku: item.sku,
      title: item.title,
      quantity: item.quantity,
      price: item.price,
      total_discount: '0.00',
      discount_allocations: [],
    })),
    note_attributes: [],
    discount_codes: [],
    ...extra,
  };
}

/**
 * Demo data: a Shopify store of the organisation with a few processed deliveries (orders #1001 to
 * #1003) and one failed one (a payload without line items), as staff would see after connecting.
 * Call after the demo catalog and program exist: `seedDemoIntegrations(services, ctx, { programId })`.
 */
export async function seedDemoIntegrations(
  services: Services,
  ctx: TenantContext,
  options: { programId?: string; items?: DemoItem[] } = {},
): Promise<{ sourceId: string }> {
  const { source } = await createWebhookSource(ctx, {
    kind: 'shopify',
    name: 'Cửa hàng Shopify Hoa Sen',
    programId: options.programId,
    status: 'active',
    secret: DEMO_SECRET,
  });
  const items = options.items ?? [
    { sku: 'SERUM-VITC-30', title: 'Serum Vitamin C 30ml', price: '350000.00', quantity: 1 },
    { sku: 'KEM-CN-50', title: 'Kem chống nắng 50ml', price: '250000.00', quantity: 2 },
  ];
  const now = services.clock.now().getTime();
  const deliveries = [
    {
      topic: 'orders/create',
      // a shopper who came through a partner's link: the referral code rides on the landing page
      payload: demoOrder(1, new Date(now - 3 * 3600_000), items.slice(0, 1), {
        landing_site: '/?ref=THU2026&utm_source=facebook',
      }),
    },
    {
      topic: 'orders/create',
      payload: demoOrder(2, new Date(now - 2 * 3600_000), items, {
        discount_codes: [{ code: 'HOA10', amount: '0.00', type: 'fixed_amount' }],
      }),
    },
    {
      topic: 'orders/create',
      payload: demoOrder(3, new Date(now - 3600_000), items.slice(-1), { financial_status: 'pending' }),
    },
    {
      topic: 'orders/create',
      payload: { id: 5_600_000_000_099, name: '#1099', currency: 'VND', line_items: [] },
    },
  ];
  for (const [index, delivery] of deliveries.entries()) {
    const raw = new TextEncoder().encode(JSON.stringify(delivery.payload));
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'x-shopify-topic': delivery.topic,
      'x-shopify-hmac-sha256': hmacBase64(DEMO_SECRET, raw),
      'x-shopify-webhook-id': `demo-webhook-${source.id}-${index}`,
      'x-shopify-shop-domain': 'hoa-sen-demo.myshopify.com',
    };
    const outcome = await receiveDelivery(services, {
      sourceId: source.id,
      route: 'platform',
      rawBody: raw,
      header: (name) => headers[name],
      remoteIp: '203.0.113.10',
    });
    if (outcome.status === 200 && outcome.body.deliveryId) {
      await processDelivery(services, {
        orgId: ctx.orgId,
        deliveryId: outcome.body.deliveryId,
        attempt: 1,
      }).catch(() => undefined);
    }
  }
  return { sourceId: source.id };
}
