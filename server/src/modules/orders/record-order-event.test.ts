import { beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../../../../test/harness';
import { type FoldableEvent, foldOrderEvents } from './fold-order-events';
import { ingestOrder } from './ingest-order';
import { type OrderEventInput, recordOrderEvent } from './record-order-event';
import { createOrdersWorld, orderInput } from './test-fixtures';

const MIN = 60_000;
let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});

function permutations<T>(items: T[]): T[][] {
  if (items.length <= 1) return [items];
  return items.flatMap((item, index) =>
    permutations([...items.slice(0, index), ...items.slice(index + 1)]).map((rest) => [item, ...rest]),
  );
}

const threeLines = () =>
  orderInput({
    items: [
      { sku: 'A', quantity: 3, unitPriceMinor: 100_000n, discountMinor: 10_000n },
      { sku: 'B', quantity: 2, unitPriceMinor: 45_000n, externalLineId: 'gid-B' },
      { sku: 'C', quantity: 1, unitPriceMinor: 99_999n },
    ],
    discountMinor: 1_000n,
  });

describe('the fold', () => {
  it('gives the same state for every order of arrival (all 120 permutations of five events, ids by arrival)', () => {
    const t0 = new Date('2026-10-01T00:00:00Z').getTime();
    const base: Array<Omit<FoldableEvent, 'id'>> = [
      {
        type: 'created',
        dedupeKey: 'created',
        occurredAt: new Date(t0),
        data: { status: 'pending', paymentStatus: 'cod_pending' },
      },
      { type: 'completed', dedupeKey: 'ship', occurredAt: new Date(t0 + 3 * MIN), data: {} },
      { type: 'confirmed', dedupeKey: 'ok', occurredAt: new Date(t0 + MIN), data: {} },
      {
        type: 'cancelled',
        dedupeKey: 'late-cancel',
        occurredAt: new Date(t0 + 5 * MIN),
        data: { reason: 'khách đổi ý' },
      },
      {
        type: 'payment',
        dedupeKey: 'cod',
        occurredAt: new Date(t0 + 4 * MIN),
        data: { paymentStatus: 'paid' },
      },
      {
        type: 'returned',
        dedupeKey: 'r1',
        occurredAt: new Date(t0 + 6 * MIN),
        data: { items: [{ lineNo: 1, quantity: 1 }] },
      },
    ];
    const [created, ...rest] = base;
    const states = new Set<string>();
    for (const order of permutations(rest.slice(0, 5))) {
      const arrived = [created!, ...order].map((event, index) => ({ ...event, id: `oev_${index}` }));
      const { ineffective, ...state } = foldOrderEvents(arrived);
      states.add(JSON.stringify({ ...state, returned: [...state.returned] }));
    }
    expect(states.size).toBe(1);
    const state = JSON.parse([...states][0]!);
    expect(state).toMatchObject({ status: 'completed', paymentStatus: 'paid', returned: [[1, 1]] });
  });

  it('resolves completed against cancelled by time, and a cancel at the same instant wins', () => {
    const at = (m: number) => new Date(Date.UTC(2026, 9, 1, 0, m));
    const created = {
      id: 'oev_0',
      type: 'created' as const,
      dedupeKey: 'created',
      occurredAt: at(0),
      data: {},
    };
    const cancelFirst = foldOrderEvents([
      created,
      { id: 'oev_1', type: 'completed', dedupeKey: 'c', occurredAt: at(5), data: {} },
      { id: 'oev_2', type: 'cancelled', dedupeKey: 'x', occurredAt: at(2), data: { reason: 'hết hàng' } },
    ]);
    expect(cancelFirst).toMatchObject({ status: 'cancelled', statusReason: 'hết hàng', completedAt: null });
    expect([...cancelFirst.ineffective]).toEqual(['oev_1']);
    const tie = foldOrderEvents([
      created,
      { id: 'oev_2', type: 'completed', dedupeKey: 'c', occurredAt: at(5), data: {} },
      { id: 'oev_1', type: 'cancelled', dedupeKey: 'x', occurredAt: at(5), data: {} },
    ]);
    expect(tie.status).toBe('cancelled');
  });
});

describe('recordOrderEvent', () => {
  it('converges when completed arrives before confirmed, and ignores duplicates', async () => {
    const { ctx } = await createOrdersWorld(env);
    const { order } = await ingestOrder(ctx, env.services.db, threeLines());
    const now = env.clock.now().getTime();
    const event = (type: OrderEventInput['type'], key: string, minutes: number): OrderEventInput => ({
      order: { id: order.id },
      type,
      dedupeKey: key,
      occurredAt: new Date(now + minutes * MIN),
    });
    const completed = await recordOrderEvent(ctx, env.services.db, event('completed', 'fulfil-1', 30));
    expect(completed.order.status).toBe('completed');
    const confirmed = await recordOrderEvent(ctx, env.services.db, event('confirmed', 'confirm-1', 10));
    expect(confirmed).toMatchObject({ applied: true, order: { status: 'completed' } });
    expect(confirmed.order.confirmedAt).toBe(new Date(now + 10 * MIN).toISOString());
    expect(confirmed.order.completedAt).toBe(new Date(now + 30 * MIN).toISOString());
    const duplicate = await recordOrderEvent(ctx, env.services.db, event('completed', 'fulfil-1', 30));
    expect(duplicate.applied).toBe(false);
    expect(duplicate.order).toEqual(confirmed.order);
    // a cancellation after completion is kept but changes nothing
    const lateCancel = await recordOrderEvent(ctx, env.services.db, {
      ...event('cancelled', 'cancel-1', 60),
      reason: 'trễ',
    });
    expect(lateCancel).toMatchObject({ applied: true, order: { status: 'completed', cancelledAt: null } });
    const { getOrderById } = await import('./get-order');
    const detail = await getOrderById(ctx, order.id);
    expect(detail.timeline.map((e) => [e.type, e.effective])).toEqual([
      ['created', true],
      ['confirmed', true],
      ['completed', true],
      ['cancelled', false],
    ]);
  });

  it('gives one final state for every arrival order of the same events through the database', async () => {
    const { ctx } = await createOrdersWorld(env);
    const now = env.clock.now().getTime();
    const events: Array<Omit<OrderEventInput, 'order'>> = [
      { type: 'confirmed', dedupeKey: 'k-confirm', occurredAt: new Date(now + MIN) },
      { type: 'payment', dedupeKey: 'k-pay', occurredAt: new Date(now + 2 * MIN), paymentStatus: 'paid' },
      { type: 'completed', dedupeKey: 'k-done', occurredAt: new Date(now + 3 * MIN) },
      {
        type: 'returned',
        dedupeKey: 'k-ret',
        occurredAt: new Date(now + 4 * MIN),
        returnItems: [{ sku: 'b', quantity: 1 }],
      },
    ];
    const finals = new Set<string>();
    for (const [index, order] of permutations(events).entries()) {
      const { order: created } = await ingestOrder(ctx, env.services.db, {
        ...threeLines(),
        externalId: `PERM-${index}`,
      });
      let last = created;
      for (const event of [...order, order[0]!]) {
        last = (await recordOrderEvent(ctx, env.services.db, { ...event, order: { id: created.id } })).order;
      }
      const { id, externalId, number, createdAt, updatedAt, customer, ...state } = last;
      finals.add(JSON.stringify(state));
    }
    expect(finals.size).toBe(1);
    expect(JSON.parse([...finals][0]!)).toMatchObject({
      status: 'completed',
      paymentStatus: 'paid',
      returnedMinor: '44906',
    });
  });

  it('records partial and full returns with exact amounts and refuses a return above what was sold', async () => {
    const { ctx } = await createOrdersWorld(env);
    const { order } = await ingestOrder(ctx, env.services.db, threeLines());
    // line totals 290000, 90000, 99999 (subtotal 479999); order discount 1000 shared 604/188/208
    expect(order.items.map((i) => i.netMinor)).toEqual(['289396', '89812', '99791']);
    const ret = (key: string, returnItems: OrderEventInput['returnItems']) =>
      recordOrderEvent(ctx, env.services.db, {
        order: { id: order.id },
        type: 'returned',
        dedupeKey: key,
        returnItems,
      });
    const partial = await ret('r1', [{ lineNo: 1, quantity: 1 }]);
    // 289396 × 1 / 3 = 96465.33 → 96465
    expect(partial.order.returnedMinor).toBe('96465');
    expect(partial.order.items[0]).toMatchObject({ returnedQuantity: 1, returnedMinor: '96465' });
    const second = await ret('r2', [
      { lineNo: 1, quantity: 1 },
      { externalLineId: 'gid-B', quantity: 2 },
    ]);
    // line 1: 289396 × 2 / 3 = 192930.67 → 192931; line 2 full: 89812
    expect(second.order.returnedMinor).toBe(String(192_931 + 89_812));
    await expect(ret('r3', [{ lineNo: 1, quantity: 2 }])).rejects.toMatchObject({
      code: 'unprocessable',
      message: expect.stringContaining('Line 1 (A)') as unknown as string,
    });
    await expect(ret('r3b', [{ sku: 'b', quantity: 1 }])).rejects.toThrow(
      /2 sold, 2 already returned, cannot return 1 more/,
    );
    await expect(ret('r4', [{ lineNo: 9, quantity: 1 }])).rejects.toMatchObject({ code: 'unprocessable' });
    const full = await ret('r5', [
      { lineNo: 1, quantity: 1 },
      { sku: 'C', quantity: 1 },
    ]);
    expect(full.order.returnedMinor).toBe('478999');
    expect(full.order.items.map((i) => i.returnedQuantity)).toEqual([3, 2, 1]);
    // the same return delivered again is not counted twice
    expect(
      (
        await ret('r5', [
          { lineNo: 1, quantity: 1 },
          { sku: 'C', quantity: 1 },
        ])
      ).applied,
    ).toBe(false);
  });

  it('follows payment statuses and answers not found for unknown orders', async () => {
    const { ctx } = await createOrdersWorld(env);
    const { order } = await ingestOrder(ctx, env.services.db, orderInput({ paymentMethod: 'cod' }));
    expect(order.paymentStatus).toBe('cod_pending');
    const at = env.clock.now().getTime();
    const pay = (key: string, paymentStatus: 'paid' | 'failed' | 'unpaid' | 'cod_pending', minutes: number) =>
      recordOrderEvent(ctx, env.services.db, {
        order: { source: 'api', externalId: order.externalId },
        type: 'payment',
        dedupeKey: key,
        paymentStatus,
        occurredAt: new Date(at + minutes * MIN),
      });
    expect((await pay('p1', 'failed', 5)).order).toMatchObject({ paymentStatus: 'failed', paidAt: null });
    expect((await pay('p2', 'paid', 9)).order).toMatchObject({
      paymentStatus: 'paid',
      paidAt: new Date(at + 9 * MIN).toISOString(),
    });
    // an older "unpaid" arriving late does not undo the later payment
    expect((await pay('p3', 'unpaid', 1)).order.paymentStatus).toBe('paid');
    await expect(
      recordOrderEvent(ctx, env.services.db, {
        order: { id: 'ord_nosuch' },
        type: 'confirmed',
        dedupeKey: 'x',
      }),
    ).rejects.toMatchObject({ code: 'not_found' });
    await expect(
      recordOrderEvent(ctx, env.services.db, { order: { id: order.id }, type: 'payment', dedupeKey: 'y' }),
    ).rejects.toMatchObject({ code: 'validation_failed' });
  });
});
