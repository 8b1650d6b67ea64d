import { and, count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../../../../test/harness';
import { ingestOrder, ingestOrders } from './ingest-order';
import { customers, orderEvents, orderItems, orders } from './schema';
import { createOrdersWorld, createPartner, createProduct, orderInput } from './test-fixtures';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});

const countOrders = async (orgId: string) =>
  Number((await env.services.db.select({ n: count() }).from(orders).where(eq(orders.orgId, orgId)))[0]!.n);

describe('ingestOrder', () => {
  it('stores an order once: a second delivery answers the same order and adds nothing', async () => {
    const { org, ctx } = await createOrdersWorld(env);
    const input = orderInput({ externalId: 'SHOP-1', customer: { name: 'Phạm Thu', phone: '0901111222' } });
    const first = await ingestOrder(ctx, env.services.db, input);
    env.clock.advance(60_000);
    const second = await ingestOrder(ctx, env.services.db, { ...input, note: 'changed on the way' });
    expect(first.created).toBe(true);
    expect(second.created).toBe(false);
    expect(second.order).toEqual(first.order);
    expect(await countOrders(org.id)).toBe(1);
    const events = await env.services.db
      .select()
      .from(orderEvents)
      .where(eq(orderEvents.orderId, first.order.id));
    expect(events.map((e) => e.type)).toEqual(['created']);
    // another source with the same external id is another order
    const other = await ingestOrder(ctx, env.services.db, { ...input, source: 'shopify' });
    expect(other.created).toBe(true);
    expect(other.order.customer.id).toBe(first.order.customer.id);
  });

  it('survives a concurrent double delivery with one order, one set of items, one customer', async () => {
    const { org, ctx } = await createOrdersWorld(env);
    const input = orderInput({
      externalId: 'RACE-1',
      customer: { phone: '0911222333' },
      items: [
        { sku: 'A', quantity: 2, unitPriceMinor: 100_000n },
        { sku: 'B', quantity: 1, unitPriceMinor: 50_000n },
      ],
    });
    const results = await Promise.all([1, 2, 3].map(() => ingestOrder(ctx, env.services.db, input)));
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(results.map((r) => r.order.id)).size).toBe(1);
    expect(await countOrders(org.id)).toBe(1);
    const [{ n: items } = { n: 0 }] = await env.services.db
      .select({ n: count() })
      .from(orderItems)
      .where(eq(orderItems.orderId, results[0]!.order.id));
    expect(Number(items)).toBe(2);
    const [{ n: people } = { n: 0 }] = await env.services.db
      .select({ n: count() })
      .from(customers)
      .where(and(eq(customers.orgId, org.id), eq(customers.phone, '+84911222333')));
    expect(Number(people)).toBe(1);
  });

  it('computes exact totals in VND and snapshots the catalog facts of each line', async () => {
    const { org, ctx } = await createOrdersWorld(env);
    const product = await createProduct(env, org.id, {
      sku: 'SRM-50',
      name: 'Sữa rửa mặt 50ml',
      costMinor: 61_000n,
      ctvPriceMinor: 99_000n,
    });
    const { order } = await ingestOrder(
      ctx,
      env.services.db,
      orderInput({
        items: [
          { sku: 'srm-50', quantity: 3, unitPriceMinor: 129_000n, discountMinor: 7_000n },
          { sku: 'UNKNOWN', name: 'Quà tặng', quantity: 1, unitPriceMinor: 0n },
        ],
        discountMinor: 20_000n,
        shippingMinor: 30_000n,
        taxMinor: 12_345n,
      }),
    );
    expect(order).toMatchObject({
      subtotalMinor: '380000',
      discountMinor: '20000',
      totalMinor: '402345',
      currency: 'VND',
    });
    expect(order.items[0]).toMatchObject({
      lineNo: 1,
      productId: product.id,
      name: 'Sữa rửa mặt 50ml',
      lineTotalMinor: '380000',
      netMinor: '360000',
      unitCostMinor: '61000',
      unitCtvPriceMinor: '99000',
    });
    expect(order.items[1]).toMatchObject({
      productId: null,
      name: 'Quà tặng',
      unitCostMinor: null,
      netMinor: '0',
    });
  });

  it('computes exact totals in THB (satang) and shares the order discount exactly over lines', async () => {
    const { ctx } = await createOrdersWorld(env, { currency: 'THB' });
    const { order } = await ingestOrder(
      ctx,
      env.services.db,
      orderInput({
        currency: 'THB',
        items: [
          { sku: 'T1', quantity: 1, unitPriceMinor: 9_950n },
          { sku: 'T2', quantity: 1, unitPriceMinor: 9_950n },
          { sku: 'T3', quantity: 1, unitPriceMinor: 9_950n },
        ],
        discountMinor: 100n,
        shippingMinor: 4_000n,
      }),
    );
    expect(order).toMatchObject({ subtotalMinor: '29850', totalMinor: '33750' });
    expect(order.items.map((item) => item.netMinor)).toEqual(['9916', '9917', '9917']);
    expect(order.items.reduce((sum, item) => sum + BigInt(item.netMinor), 0n)).toBe(29_750n);
  });

  it('refuses invalid orders with messages naming the field, alone in a batch', async () => {
    const { org, ctx } = await createOrdersWorld(env);
    const results = await ingestOrders(ctx, env.services.db, [
      orderInput({ items: [{ sku: 'X', quantity: 1, unitPriceMinor: 10_000n, discountMinor: 20_000n }] }),
      orderInput({ discountMinor: 999_999_999n }),
      orderInput({ currency: 'XYZ' }),
      orderInput({ items: [] }),
      orderInput({ externalId: 'OK-1' }),
      orderInput({ externalId: 'OK-1' }),
    ]);
    expect(results.map((r) => (r.ok ? 'ok' : r.error.code))).toEqual([
      'validation_failed',
      'validation_failed',
      'validation_failed',
      'validation_failed',
      'ok',
      'ok',
    ]);
    expect(!results[0]!.ok && results[0]!.error.message).toContain('items.0.discountMinor');
    expect(!results[1]!.ok && results[1]!.error.message).toContain('discountMinor');
    expect(!results[2]!.ok && results[2]!.error.message).toContain('currency');
    expect(results[4]!.ok && results[4]!.created).toBe(true);
    expect(results[5]!.ok && results[5]!.created).toBe(false);
    expect(results[4]!.ok && results[5]!.ok && results[4]!.order.id === results[5]!.order.id).toBe(true);
    expect(await countOrders(org.id)).toBe(1);
  });

  it('ingests a batch with repeat customers, then a redelivery of the batch adds nothing', async () => {
    const { org, program, ctx } = await createOrdersWorld(env);
    await createPartner(env, org.id, program.id, { referralCode: 'BULK1' });
    const inputs = Array.from({ length: 60 }, (_, i) =>
      orderInput({
        externalId: `BULK-${i}`,
        partnerCode: i % 3 === 0 ? 'BULK1' : undefined,
        customer: { phone: `09${String(10_000_000 + (i % 20)).padStart(8, '0')}` },
        items: [
          { sku: 'A', quantity: 1 + (i % 3), unitPriceMinor: 10_000n },
          { sku: 'B', quantity: 1, unitPriceMinor: 5_000n },
        ],
      }),
    );
    const first = await ingestOrders(ctx, env.services.db, inputs);
    expect(first.every((r) => r.ok && r.created)).toBe(true);
    const again = await ingestOrders(ctx, env.services.db, inputs);
    expect(again.every((r) => r.ok && !r.created)).toBe(true);
    expect(await countOrders(org.id)).toBe(60);
    const [{ n } = { n: 0 }] = await env.services.db
      .select({ n: count() })
      .from(customers)
      .where(eq(customers.orgId, org.id));
    expect(Number(n)).toBe(20);
    // a customer's orders from their first coded order on are credited (code, then ownership)
    const expected = inputs.filter((_, i) =>
      [i % 20, (i % 20) + 20, (i % 20) + 40].some((j) => j <= i && j % 3 === 0),
    );
    expect(first.filter((r) => r.ok && r.order.enrollmentId).length).toBe(expected.length);
    expect(first.filter((r) => r.ok && r.order.attributionMethod === 'customer').length).toBe(
      expected.length - 20,
    );
  });
});
