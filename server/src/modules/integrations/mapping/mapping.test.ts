import { describe, expect, it } from 'vitest';
import { shopifyOrder, shopifyRefund } from '../fixtures/shopify';
import { wooOrder } from '../fixtures/woocommerce';
import { amountMinor } from './amounts';
import { mapPostback } from './map-postback';
import { mapShopify } from './map-shopify';
import { mapWooCommerce } from './map-woocommerce';
import { parseJsonExact } from './parse-json-exact';
import { MalformedPayload } from './plan';

const context = { sourceId: 'whs_test' };

describe('parseJsonExact', () => {
  it('keeps ids above 2^53 and decimal numbers as their exact text', () => {
    const parsed = parseJsonExact(
      '{"id":820982911946154508,"q":3,"amount":1250.50,"s":"a\\"1.5","n":-2}',
    ) as Record<string, unknown>;
    expect(parsed).toEqual({ id: '820982911946154508', q: 3, amount: '1250.50', s: 'a"1.5', n: -2 });
  });

  it('refuses broken JSON', () => {
    expect(() => parseJsonExact('{"id": 1,')).toThrow(SyntaxError);
  });
});

describe('amounts', () => {
  it('reads Shopify decimals exactly in minor units, also two decimals of VND', () => {
    expect(amountMinor('199000.00', 'VND', 'price')).toBe(199000n);
    expect(amountMinor('1250.50', 'THB', 'price')).toBe(125050n);
    expect(amountMinor('0.10', 'USD', 'price')).toBe(10n);
    expect(() => amountMinor('199000.50', 'VND', 'price')).toThrow(MalformedPayload);
    expect(() => amountMinor('12,5', 'THB', 'price')).toThrow(MalformedPayload);
  });
});

describe('Shopify mapping', () => {
  it('maps orders/create: lines, discounts, shipping, customer, code, click id, states', () => {
    const payload = parseJsonExact(
      JSON.stringify(
        shopifyOrder({
          id: '__ID__',
          lines: [
            {
              id: 466157049,
              sku: 'SERUM-30',
              title: 'Serum 30ml',
              quantity: 2,
              price: '199000.00',
              discount: '20000.00',
            },
            { id: 518995019, sku: 'KEM-50', title: 'Kem 50ml', quantity: 1, price: '250000.00' },
          ],
          shipping: '30000.00',
          discountCode: 'HOA10',
          landingSite: '/products/serum?ref=MAI2026&utm_source=zalo',
          noteAttributes: [{ name: 'kclid', value: 'clk_abc' }],
          updatedAt: '2026-11-01T10:05:00+07:00',
        }),
      ).replace('"__ID__"', '820982911946154508'),
    );
    const plan = mapShopify('orders/create', payload, { sourceId: 'whs_1', programId: 'prg_1' });
    expect(plan.kind).toBe('order');
    if (plan.kind !== 'order') return;
    expect(plan.order).toMatchObject({
      source: 'shopify',
      sourceId: 'whs_1',
      programId: 'prg_1',
      externalId: '820982911946154508',
      number: '#9999',
      currency: 'VND',
      discountMinor: 0n,
      shippingMinor: 30000n,
      taxMinor: 0n,
      couponCode: 'HOA10',
      partnerCode: 'MAI2026',
      clickId: 'clk_abc',
      clientIp: '113.161.10.20',
      paymentMethod: 'card',
      customer: { name: 'Lan Nguyễn', email: 'lan.nguyen@example.vn', phone: '+84912345678' },
    });
    expect(plan.order.items).toEqual([
      {
        sku: 'SERUM-30',
        name: 'Serum 30ml',
        quantity: 2,
        unitPriceMinor: 199000n,
        discountMinor: 20000n,
        externalLineId: '466157049',
      },
      {
        sku: 'KEM-50',
        name: 'Kem 50ml',
        quantity: 1,
        unitPriceMinor: 250000n,
        discountMinor: 0n,
        externalLineId: '518995019',
      },
    ]);
    expect(plan.order.placedAt?.toISOString()).toBe('2026-11-01T03:00:00.000Z');
    expect(plan.occurredAt.toISOString()).toBe('2026-11-01T03:05:00.000Z');
    expect(plan.states).toEqual({
      confirmed: true,
      completed: false,
      cancelled: undefined,
      paymentStatus: 'paid',
    });
    expect(plan.eventKeyBase).toBe('shopify:820982911946154508:2026-11-01T03:05:00.000Z');
  });

  it('reads cancellation, fulfilment and voided payment', () => {
    const payload = shopifyOrder({
      id: 1001,
      lines: [{ id: 1, sku: 'A', title: 'A', quantity: 1, price: '10.00' }],
      currency: 'THB',
      cancelledAt: '2026-11-02T10:00:00+07:00',
      fulfillmentStatus: 'fulfilled',
      financialStatus: 'voided',
    });
    const plan = mapShopify('orders/updated', payload, context);
    if (plan.kind !== 'order') throw new Error('expected an order');
    expect(plan.states).toMatchObject({
      completed: true,
      cancelled: { reason: 'Cancelled in Shopify (customer)' },
      paymentStatus: 'failed',
    });
  });

  it('maps refunds/create to a return of the refunded lines', () => {
    const plan = mapShopify(
      'refunds/create',
      shopifyRefund({ id: 509562969, orderId: 450789469, lines: [{ lineItemId: 518995019, quantity: 1 }] }),
      context,
    );
    expect(plan).toMatchObject({
      kind: 'return',
      order: { source: 'shopify', externalId: '450789469' },
      returnItems: [{ externalLineId: '518995019', quantity: 1 }],
      upTo: false,
      dedupeKey: 'shopify:refund:509562969',
    });
  });

  it('reads units removed by order edits and refunds from current_quantity, as totals per line', () => {
    const payload = shopifyOrder({
      id: 1002,
      lines: [
        { id: 11, sku: 'A', title: 'A', quantity: 3, currentQuantity: 1, price: '10.00' },
        { id: 12, sku: 'B', title: 'B', quantity: 1, price: '10.00' },
        { id: 13, sku: 'C', title: 'C', quantity: 2, currentQuantity: 0, price: '10.00' },
      ],
    });
    const plan = mapShopify('orders/updated', payload, context);
    if (plan.kind !== 'order') throw new Error('expected an order');
    expect(plan.states.removedUpTo).toEqual([
      { externalLineId: '11', quantity: 2 },
      { externalLineId: '13', quantity: 2 },
    ]);
    // payloads before API 2024-01 have no current_quantity: nothing is read as removed
    const older = shopifyOrder({
      id: 1003,
      lines: [{ id: 14, sku: 'D', title: 'D', quantity: 2, price: '1.00' }],
    });
    delete (older.line_items[0] as { current_quantity?: number }).current_quantity;
    const plain = mapShopify('orders/updated', older, context);
    if (plain.kind !== 'order') throw new Error('expected an order');
    expect(plain.states.removedUpTo).toBeUndefined();
  });

  it('a refund whose lines carry their current quantity returns up to what left each line', () => {
    const plan = mapShopify(
      'refunds/create',
      shopifyRefund({
        id: 509562970,
        orderId: 450789469,
        lines: [
          { lineItemId: 518995019, quantity: 1, lineItem: { sku: 'A', quantity: 3, currentQuantity: 1 } },
        ],
      }),
      context,
    );
    expect(plan).toMatchObject({
      kind: 'return',
      upTo: true,
      returnItems: [{ externalLineId: '518995019', quantity: 2 }],
    });
  });

  it('refuses a payload without line items, and ignores topics it does not use', () => {
    expect(() =>
      mapShopify('orders/create', { id: 1, currency: 'VND', created_at: '2026-11-01T00:00:00Z' }, context),
    ).toThrow(/Shopify order: line_items/);
    expect(mapShopify('products/update', {}, context)).toEqual({
      kind: 'ignore',
      reason: 'Topic products/update is not used by Kênh',
    });
  });
});

describe('WooCommerce mapping', () => {
  it('maps order.created with exact THB money, coupon and meta data', () => {
    const payload = wooOrder({
      id: 727,
      status: 'processing',
      lines: [
        { id: 315, sku: 'TEA-100', name: 'Thai tea 100g', quantity: 3, subtotal: '1000.00', total: '900.00' },
        { id: 316, sku: 'CUP', name: 'Cup', quantity: 1, subtotal: '1250.50', total: '1250.50' },
      ],
      shipping: '50.00',
      discount: '100.00',
      tax: '7.35',
      coupon: 'SOMCHAI5',
      meta: [
        { key: '_kclid', value: 'clk_woo' },
        { key: 'ref', value: 'SOM01' },
      ],
      modified: '2026-11-01T04:00:00',
    });
    const plan = mapWooCommerce('order.created', payload, context);
    if (plan.kind !== 'order') throw new Error('expected an order');
    // 1000.00 / 3 rounds up to 333.34; the line discount takes the 0.02 so the line still totals 900.00
    expect(plan.order.items).toEqual([
      {
        sku: 'TEA-100',
        name: 'Thai tea 100g',
        quantity: 3,
        unitPriceMinor: 33334n,
        discountMinor: 10002n,
        externalLineId: '315',
      },
      {
        sku: 'CUP',
        name: 'Cup',
        quantity: 1,
        unitPriceMinor: 125050n,
        discountMinor: 0n,
        externalLineId: '316',
      },
    ]);
    expect(plan.order).toMatchObject({
      source: 'woocommerce',
      externalId: '727',
      currency: 'THB',
      discountMinor: 0n,
      shippingMinor: 5000n,
      taxMinor: 735n,
      couponCode: 'SOMCHAI5',
      clickId: 'clk_woo',
      partnerCode: 'SOM01',
      paymentMethod: 'transfer',
      customer: {
        externalId: '26',
        name: 'Somchai Jaidee',
        email: 'somchai@example.co.th',
        phone: '0812345678',
      },
    });
    expect(plan.occurredAt.toISOString()).toBe('2026-11-01T04:00:00.000Z');
    expect(plan.states).toEqual({ confirmed: true, paymentStatus: 'paid' });
  });

  it('maps statuses: cash on delivery is not paid while processing; refunded returns everything', () => {
    const line = { id: 1, sku: 'A', name: 'A', quantity: 1, subtotal: '10.00', total: '10.00' };
    const cod = mapWooCommerce(
      'order.updated',
      wooOrder({ id: 1, lines: [line], paymentMethod: 'cod' }),
      context,
    );
    if (cod.kind !== 'order') throw new Error('expected an order');
    expect(cod.states).toEqual({ confirmed: true, paymentStatus: undefined });
    expect(cod.order.paymentMethod).toBe('cod');
    const refunded = mapWooCommerce(
      'order.updated',
      wooOrder({ id: 1, lines: [line], status: 'refunded' }),
      context,
    );
    if (refunded.kind !== 'order') throw new Error('expected an order');
    expect(refunded.states).toEqual({ returnedInFull: true, paymentStatus: 'paid' });
    const draft = mapWooCommerce(
      'order.created',
      wooOrder({ id: 1, lines: [line], status: 'checkout-draft' }),
      context,
    );
    expect(draft.kind).toBe('ignore');
  });

  it('reads partial refunds as amounts for staff (none of a full refund); a broken amount is malformed', () => {
    const line = { id: 1, sku: 'A', name: 'A', quantity: 2, subtotal: '20.00', total: '20.00' };
    const partial = mapWooCommerce(
      'order.updated',
      wooOrder({
        id: 1,
        lines: [line],
        status: 'completed',
        refunds: [
          { id: 71, reason: 'Broken box', total: '-7.25' },
          { id: 72, reason: '', total: '0.00' },
        ],
      }),
      context,
    );
    if (partial.kind !== 'order') throw new Error('expected an order');
    expect(partial.states.refundsWithoutItems).toEqual([
      { id: '71', amountMinor: 725n, reason: 'Broken box' },
    ]);
    const full = mapWooCommerce(
      'order.updated',
      wooOrder({
        id: 1,
        lines: [line],
        status: 'refunded',
        refunds: [{ id: 73, reason: '', total: '-20.00' }],
      }),
      context,
    );
    if (full.kind !== 'order') throw new Error('expected an order');
    expect(full.states.refundsWithoutItems).toBeUndefined();
    expect(() =>
      mapWooCommerce(
        'order.updated',
        wooOrder({ id: 1, lines: [line], refunds: [{ id: 74, reason: '', total: '-7.255' }] }),
        context,
      ),
    ).toThrow(/refunds.0.total/);
  });
});

describe('postback mapping', () => {
  const base = { sourceId: 'whs_p', defaultCurrency: 'VND', receivedAt: new Date('2026-11-02T03:00:00Z') };

  it('maps the query format: amount only, in the default currency', () => {
    const plan = mapPostback(
      {
        order_id: 'DH-1',
        amount: '150000',
        kclid: 'clk_1',
        ref: 'MAI',
        coupon: 'HOA10',
        status: 'completed',
        payment: 'paid',
      },
      base,
    );
    if (plan.kind !== 'order') throw new Error('expected an order');
    expect(plan.order.items).toEqual([
      { sku: 'postback', name: 'Order DH-1', quantity: 1, unitPriceMinor: 150000n },
    ]);
    expect(plan.order).toMatchObject({
      source: 'postback',
      externalId: 'DH-1',
      currency: 'VND',
      clickId: 'clk_1',
      partnerCode: 'MAI',
      couponCode: 'HOA10',
    });
    expect(plan.states).toMatchObject({ confirmed: true, completed: true, paymentStatus: 'paid' });
    expect(plan.occurredAt).toEqual(base.receivedAt);
  });

  it('maps JSON items with exact decimals and refuses a postback without amount or items', () => {
    const payload = parseJsonExact(
      '{"order_id": 42, "currency": "THB", "items": [{"sku": "A", "quantity": 2, "price": 1250.50}]}',
    );
    const plan = mapPostback(payload, base);
    if (plan.kind !== 'order') throw new Error('expected an order');
    expect(plan.order.items[0]).toMatchObject({ sku: 'A', quantity: 2, unitPriceMinor: 125050n });
    expect(() => mapPostback({ order_id: 'X' }, base)).toThrow('Postback: send amount or items');
    expect(() => mapPostback({ amount: '1' }, base)).toThrow(/order_id/);
  });
});
