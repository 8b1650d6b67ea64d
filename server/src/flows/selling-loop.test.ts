import { describe, expect, it } from 'vitest';
import { createTestEnrollment } from '../../../test/enrollment-fixtures';
import { apiCall, createTestApiKey } from '../../../test/factories';
import { createTestEnv } from '../../../test/harness';
import { defaultLinkOf, shopProgram } from '../modules/tracking/test-fixtures';

const env = await createTestEnv();

/**
 * The loop a shop sees: a partner shares a link, a shopper clicks it and buys on the shop's site,
 * the snippet reports the sale with the click id, and the order lands once, on the partner, with
 * its evidence and its commission.
 */
describe('a sale through a shared link', () => {
  it('is credited once to the partner whose link was clicked, with the click as evidence, and earns commission', async () => {
    const { org, program } = await shopProgram(env);
    const owner = apiCall(env, (await createTestApiKey(env, org.id, 'owner', 'Chủ shop')).secret);
    const { enrollment } = await createTestEnrollment(env, org.id, {
      programId: program.id,
      status: 'approved',
      fullName: 'Trần Thị Mai',
    });
    const plan = await (await owner('POST', '/api/v1/commission-plans', { programId: program.id })).json();
    await owner('PUT', `/api/v1/commission-plans/${plan.id}/draft`, {
      plan: {
        settings: {},
        rules: [
          { id: 'base', kind: 'basic', scope: { kind: 'all' }, calc: { type: 'percent', ratePpm: '100000' } },
        ],
      },
    });
    await owner('POST', `/api/v1/commission-plans/${plan.id}/publish`, {
      effectiveFrom: new Date(env.clock.now().getTime() - 86_400_000).toISOString(),
    });

    // the shopper clicks the partner's link from another browser
    const [link] = await defaultLinkOf(env, org.id, enrollment.id);
    const click = await env.app.request(`/r/${link!.code}`, {
      headers: { 'x-forwarded-for': '203.0.113.77', 'user-agent': 'Mozilla/5.0 (iPhone) Mobile/15E148' },
    });
    expect(click.status).toBe(302);
    const clickId = new URL(click.headers.get('location')!).searchParams.get('kclid');
    expect(clickId).toMatch(/^clk_/);

    // a day later they buy; the shop's snippet reports the sale with the kept click id, twice
    env.clock.advance(86_400_000);
    const report = () =>
      env.app.request(`/api/public/track/${program.pageCode}`, {
        method: 'POST',
        headers: { 'content-type': 'text/plain;charset=UTF-8', 'x-forwarded-for': '203.0.113.77' },
        body: JSON.stringify({
          kind: 'sale',
          id: 'WEB-1001',
          clickId,
          items: [{ sku: 'SERUM-30', quantity: 2, unitPriceMinor: '350000' }],
          customer: { name: 'Lê Thu Trang', phone: '0987 111 222' },
        }),
      });
    const first = await report();
    expect(first.status).toBeLessThan(300);
    const second = await report();
    expect(second.status).toBeLessThan(300);
    const orders = await (await owner('GET', '/api/v1/orders?source=browser')).json();
    expect(orders.items).toHaveLength(1);
    const order = await (await owner('GET', `/api/v1/orders/${orders.items[0].id}`)).json();
    expect(order).toMatchObject({
      enrollmentId: enrollment.id,
      attributionMethod: 'click',
      totalMinor: '700000',
      status: 'pending',
    });
    expect(order.attributionEvidence).toMatchObject({ clickId, windowDays: 45 });

    // its commission: 10% of 700.000 ₫, pending until the order completes
    await env.services.jobs.drain();
    const lines = await (await owner('GET', `/api/v1/commissions?orderId=${order.id}`)).json();
    expect(
      lines.items.map((l: { kind: string; amountMinor: string; status: string }) => [
        l.kind,
        l.amountMinor,
        l.status,
      ]),
    ).toEqual([['basic', '70000', 'pending']]);
  });
});
