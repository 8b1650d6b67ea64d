import type { CrossTenantSetup } from './part';

/**
 * Records of organisation A for the orders routes: an order credited to A's partner (so a
 * customer exists) and a conversion. B's bodies carry A's partner code and enrollment id, which
 * must credit nothing in B.
 */
export const setup: CrossTenantSetup = async ({ callA, enrollmentA, programA }) => {
  const orderBody = {
    externalId: 'CT-A-1',
    currency: programA.currency,
    customer: { name: 'Khách A', phone: '0901234599' },
    items: [{ sku: 'CT-SKU', quantity: 2, unitPriceMinor: '15000' }],
    partnerCode: enrollmentA.referralCode,
  };
  const created = await callA('POST', '/api/v1/orders', orderBody);
  if (created.status !== 201) throw new Error(`POST /api/v1/orders answered ${created.status}`);
  const order = (await created.json()) as { id: string; customer: { id: string } };
  const conversion = await callA('POST', '/api/v1/events', {
    kind: 'lead',
    externalId: 'CT-A-LEAD',
    partnerCode: enrollmentA.referralCode,
  });
  if (conversion.status !== 201) throw new Error(`POST /api/v1/events answered ${conversion.status}`);
  const { id: conversionId } = (await conversion.json()) as { id: string };
  const foreign = {
    ...orderBody,
    externalId: 'CT-B-1',
    enteredByEnrollmentId: enrollmentA.id,
  };
  return {
    records: { orderId: order.id, customerId: order.customer.id },
    ids: [order.id, order.customer.id, conversionId],
    bodies: {
      'POST /api/v1/orders': foreign,
      'POST /api/v1/orders/batch': { orders: [{ ...foreign, externalId: 'CT-B-2' }] },
      'POST /api/v1/orders/{orderId}/events': { type: 'cancelled', reason: 'thử từ tổ chức khác' },
      'POST /api/v1/events': { kind: 'lead', externalId: 'CT-B-LEAD', partnerCode: enrollmentA.referralCode },
    },
  };
};
