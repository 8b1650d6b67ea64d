import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { createMyOpportunity } from '../modules/orders/opportunity-create';
import { createMyOrder } from '../modules/orders/partner-orders-create';
import { partners } from '../modules/partners';
import type { CrossTenantSetup } from './part';

/**
 * Records of organisation A for the sales routes: an order its CTV entered and an opportunity
 * they recorded (made as that partner, who has no password to sign in with).
 */
export const setup: CrossTenantSetup = async ({ env, callA, enrollmentA }) => {
  const product = await callA('POST', '/api/v1/products', {
    sku: 'A-SALES-1',
    name: 'Trà của A',
    priceMinor: '5000',
  });
  if (product.status !== 201) throw new Error(`POST /api/v1/products answered ${product.status}`);
  const [partner] = await env.services.db
    .select({ identityId: partners.identityId })
    .from(partners)
    .where(eq(partners.id, enrollmentA.partnerId));
  const { order } = await createMyOrder(env.services, partner!.identityId, {
    enrollmentId: enrollmentA.id,
    clientOrderId: randomUUID(),
    customer: { name: 'Khách của A', phone: '0903000111', address: '1 Nguyễn Huệ, Quận 1' },
    items: [{ sku: 'A-SALES-1', quantity: 2 }],
    paymentMethod: 'cod',
  });
  const opportunity = await createMyOpportunity(env.services, partner!.identityId, {
    enrollmentId: enrollmentA.id,
    customerName: 'Khách tiềm năng của A',
    customerPhone: '0903000222',
    need: 'Cần báo giá 50 hộp',
  });
  const me = 'the signed-in partner’s own enrollments name the organisation (others: 404)';
  return {
    records: { opportunityId: opportunity.id },
    ids: [order.id],
    publicParams: { orderId: order.id },
    bodies: {
      'PATCH /api/v1/opportunities/{opportunityId}': { status: 'lost', reason: 'Thử của B' },
      'POST /api/v1/opportunities/{opportunityId}/order': {
        items: [{ sku: 'A-SALES-1', quantity: 1 }],
        paymentMethod: 'cod',
      },
    },
    notTenantScoped: {
      'POST /api/me/orders': `enters an order in ${me}`,
      'GET /api/me/orders': 'orders entered by or credited to the signed-in partner’s own enrollments',
      'GET /api/me/orders/{orderId}':
        'one order entered by or credited to the signed-in partner (others: 404)',
      'GET /api/me/customers': 'customers owned by the signed-in partner’s own enrollments',
      'POST /api/me/opportunities': `records an opportunity in ${me}`,
      'GET /api/me/opportunities': 'opportunities of the signed-in partner’s own enrollments',
    },
  };
};
