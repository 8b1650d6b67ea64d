import { hmacBase64 } from '../modules/integrations';
import type { CrossTenantSetup } from './part';

/**
 * Records of organisation A for the integrations routes: a Shopify source with one stored
 * delivery, and an order import.
 */
export const setup: CrossTenantSetup = async ({ env, callA, programA }) => {
  const secret = 'shpss_cross_tenant_secret_of_a';
  const created = await callA('POST', '/api/v1/webhook-sources', {
    kind: 'shopify',
    name: 'Shopify của A',
    secret,
    programId: programA.id,
  });
  if (created.status !== 201)
    throw new Error(`webhook source answered ${created.status}: ${await created.text()}`);
  const { source } = (await created.json()) as { source: { id: string } };
  const body = JSON.stringify({ id: 4242, currency: programA.currency, line_items: [] });
  const delivered = await env.app.request(`/hooks/${source.id}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-shopify-topic': 'orders/create',
      'x-shopify-webhook-id': 'cross-tenant-a-1',
      'x-shopify-hmac-sha256': hmacBase64(secret, new TextEncoder().encode(body)),
    },
    body,
  });
  if (delivered.status !== 200)
    throw new Error(`delivery answered ${delivered.status}: ${await delivered.text()}`);
  const { deliveryId } = (await delivered.json()) as { deliveryId: string };
  const imported = await callA('POST', '/api/v1/order-imports', {
    fileName: 'a.csv',
    contentBase64: Buffer.from(
      `Mã đơn,SKU,Số lượng,Đơn giá,Tiền tệ\nA-1,A-SKU,1,100,${programA.currency}\n`,
    ).toString('base64'),
  });
  if (imported.status !== 201)
    throw new Error(`order import answered ${imported.status}: ${await imported.text()}`);
  const orderImport = (await imported.json()) as { id: string };
  const hookReason =
    'a platform’s delivery URL: the source id in the path names the organisation, and nothing is stored ' +
    'or processed for it without the source’s own HMAC signature or token (a refused attempt is logged ' +
    'on that source); the suite calls it with an unknown source id so that logging does not count as a change';
  return {
    records: { webhookSourceId: source.id, webhookDeliveryId: deliveryId, orderImportId: orderImport.id },
    bodies: {
      'POST /api/v1/webhook-sources': { kind: 'shopify', name: 'Nguồn của B', secret: 'secret-of-b-123' },
      'PATCH /api/v1/webhook-sources/{webhookSourceId}': { name: 'Đổi tên' },
      'POST /api/v1/order-imports': {
        fileName: 'b.csv',
        // the same order id as A's: B gets its own order, A's is untouched
        contentBase64: Buffer.from('Mã đơn,SKU,Số lượng,Đơn giá\nA-1,B-SKU,1,100\n').toString('base64'),
      },
    },
    notTenantScoped: {
      'POST /hooks/{sourceId}': hookReason,
      'POST /hooks/{sourceId}/postback': hookReason,
      'GET /hooks/{sourceId}/postback': hookReason,
    },
    publicParams: { sourceId: 'whs_not_a_source_of_anyone' },
  };
};
