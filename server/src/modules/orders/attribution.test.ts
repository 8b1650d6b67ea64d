import { beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../../../../test/harness';
import { ingestOrder } from './ingest-order';
import { createClick, createCoupon, createOrdersWorld, createPartner, orderInput } from './test-fixtures';

const DAY = 86_400_000;
let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});

describe('attribution precedence', () => {
  it('credits code over coupon over click over customer over entered-by, keeping the rest as ignored evidence', async () => {
    const { org, program, ctx } = await createOrdersWorld(env);
    const byCode = await createPartner(env, org.id, program.id, { referralCode: 'CODEMAI' });
    const byCoupon = await createPartner(env, org.id, program.id);
    const byClick = await createPartner(env, org.id, program.id);
    const owner = await createPartner(env, org.id, program.id);
    const enteredBy = await createPartner(env, org.id, program.id);
    await createCoupon(env, org.id, byCoupon.enrollment, 'HOA10');
    const click = await createClick(env, org.id, byClick.enrollment, {
      at: new Date(env.clock.now().getTime() - DAY),
    });

    // the owner first brings the customer (entered order → ownership)
    const first = await ingestOrder(
      ctx,
      env.services.db,
      orderInput({ customer: { phone: '0901234567' }, enteredByEnrollmentId: owner.enrollment.id }),
    );
    expect(first.order.attributionMethod).toBe('entered_by');
    expect(first.order.enrollmentId).toBe(owner.enrollment.id);

    const all = {
      customer: { phone: '+84 90 123 4567' },
      partnerCode: 'codemai',
      couponCode: 'hoa10',
      clickId: click.id,
      enteredByEnrollmentId: enteredBy.enrollment.id,
    };
    const code = await ingestOrder(ctx, env.services.db, orderInput(all));
    expect(code.order).toMatchObject({
      attributionMethod: 'partner_code',
      enrollmentId: byCode.enrollment.id,
    });
    expect(code.order.attributionEvidence.partnerCode).toBe('CODEMAI');
    expect(code.order.attributionEvidence.ignored?.map((i) => [i.kind, i.reason])).toEqual([
      ['coupon', 'outranked_by_partner_code'],
      ['click', 'outranked_by_partner_code'],
      ['customer', 'outranked_by_partner_code'],
      ['entered_by', 'outranked_by_partner_code'],
    ]);
    const coupon = await ingestOrder(ctx, env.services.db, orderInput({ ...all, partnerCode: undefined }));
    expect(coupon.order).toMatchObject({ attributionMethod: 'coupon', enrollmentId: byCoupon.enrollment.id });
    expect(coupon.order.attributionEvidence.couponCode).toBe('HOA10');
    const clicked = await ingestOrder(
      ctx,
      env.services.db,
      orderInput({ ...all, partnerCode: undefined, couponCode: undefined }),
    );
    expect(clicked.order).toMatchObject({ attributionMethod: 'click', enrollmentId: byClick.enrollment.id });
    expect(clicked.order.attributionEvidence).toMatchObject({
      clickId: click.id,
      windowDays: 30,
      model: 'last_click',
    });
    const owned = await ingestOrder(
      ctx,
      env.services.db,
      orderInput({ ...all, partnerCode: undefined, couponCode: undefined, clickId: undefined }),
    );
    expect(owned.order).toMatchObject({ attributionMethod: 'customer', enrollmentId: owner.enrollment.id });
    expect(owned.order.attributionEvidence.customerId).toBe(first.order.customer.id);
    const entered = await ingestOrder(
      ctx,
      env.services.db,
      orderInput({ customer: { phone: '0912000111' }, enteredByEnrollmentId: enteredBy.enrollment.id }),
    );
    expect(entered.order).toMatchObject({
      attributionMethod: 'entered_by',
      enrollmentId: enteredBy.enrollment.id,
    });
    const none = await ingestOrder(ctx, env.services.db, orderInput({ partnerCode: 'NOSUCH' }));
    expect(none.order).toMatchObject({ attributionMethod: 'none', enrollmentId: null, partner: null });
    expect(none.order.attributionEvidence.ignored).toEqual([
      { kind: 'partner_code', value: 'NOSUCH', reason: 'unknown' },
    ]);
  });
});

describe('cookie window and click models', () => {
  it('credits a click 29 days old and ignores one 31 days old with a 30-day window', async () => {
    const { org, program, ctx } = await createOrdersWorld(env, { cookieDays: 30 });
    const partner = await createPartner(env, org.id, program.id);
    const now = env.clock.now().getTime();
    const day29 = await createClick(env, org.id, partner.enrollment, { at: new Date(now - 29 * DAY) });
    const day31 = await createClick(env, org.id, partner.enrollment, { at: new Date(now - 31 * DAY) });
    const credited = await ingestOrder(ctx, env.services.db, orderInput({ clickId: day29.id }));
    expect(credited.order).toMatchObject({ attributionMethod: 'click', enrollmentId: partner.enrollment.id });
    expect(credited.order.attributionEvidence.clickedAt).toBe(day29.createdAt.toISOString());
    const expired = await ingestOrder(ctx, env.services.db, orderInput({ clickId: day31.id }));
    expect(expired.order.attributionMethod).toBe('none');
    expect(expired.order.attributionEvidence.ignored).toEqual([
      { kind: 'click', value: day31.id, reason: 'click_expired' },
    ]);
  });

  it('moves with the injectable clock: the same click expires once the window has passed', async () => {
    const { org, program, ctx } = await createOrdersWorld(env, { cookieDays: 7 });
    const partner = await createPartner(env, org.id, program.id);
    const click = await createClick(env, org.id, partner.enrollment);
    env.clock.advance(6 * DAY);
    expect(
      (await ingestOrder(ctx, env.services.db, orderInput({ clickId: click.id }))).order.attributionMethod,
    ).toBe('click');
    env.clock.advance(2 * DAY);
    expect(
      (await ingestOrder(ctx, env.services.db, orderInput({ clickId: click.id }))).order.attributionMethod,
    ).toBe('none');
  });

  it('ignores bot clicks, unknown clicks and clicks of another organisation', async () => {
    const { org, program, ctx } = await createOrdersWorld(env);
    const other = await createOrdersWorld(env);
    const partner = await createPartner(env, org.id, program.id);
    const foreignPartner = await createPartner(env, other.org.id, other.program.id);
    const bot = await createClick(env, org.id, partner.enrollment, { isBot: true });
    const foreign = await createClick(env, other.org.id, foreignPartner.enrollment);
    const reasons = [];
    for (const clickId of [bot.id, 'clk_nosuch', foreign.id]) {
      const { order } = await ingestOrder(ctx, env.services.db, orderInput({ clickId }));
      expect(order.attributionMethod).toBe('none');
      reasons.push(order.attributionEvidence.ignored?.[0]?.reason);
    }
    expect(reasons).toEqual(['bot_click', 'unknown', 'unknown']);
  });

  it('first click: the customer’s earliest click in the window wins over the click on the order', async () => {
    const { org, program, ctx } = await createOrdersWorld(env, { model: 'first_click', cookieDays: 30 });
    const early = await createPartner(env, org.id, program.id);
    const late = await createPartner(env, org.id, program.id);
    const now = env.clock.now().getTime();
    const firstClick = await createClick(env, org.id, early.enrollment, { at: new Date(now - 10 * DAY) });
    const lastClick = await createClick(env, org.id, late.enrollment, { at: new Date(now - DAY) });
    const customer = { email: 'khach.firstclick@example.vn' };
    // a lead carried the first click: the customer is known with it
    const { recordConversion } = await import('./record-conversion');
    await recordConversion(ctx, env.services.db, {
      kind: 'lead',
      source: 'form',
      externalId: 'L-1',
      customer,
      clickId: firstClick.id,
      occurredAt: new Date(now - 10 * DAY),
    });
    const { order } = await ingestOrder(
      ctx,
      env.services.db,
      orderInput({ customer, clickId: lastClick.id }),
    );
    expect(order).toMatchObject({ attributionMethod: 'click', enrollmentId: early.enrollment.id });
    expect(order.attributionEvidence).toMatchObject({ clickId: firstClick.id, model: 'first_click' });
    expect(order.attributionEvidence.ignored).toEqual([
      { kind: 'click', value: lastClick.id, reason: 'later_click_first_click_model' },
    ]);
    // last click (default) credits the order's own click for the same history
    const other = await createOrdersWorld(env);
    const p = await createPartner(env, other.org.id, other.program.id);
    const c = await createClick(env, other.org.id, p.enrollment, { at: new Date(now - DAY) });
    const lastModel = await ingestOrder(other.ctx, env.services.db, orderInput({ clickId: c.id }));
    expect(lastModel.order.attributionEvidence.model).toBe('last_click');
  });
});

describe('customer ownership', () => {
  it('credits repeat purchases to the first partner within the ownership window, not after', async () => {
    const { org, program, ctx } = await createOrdersWorld(env, { ownershipDays: 90 });
    const partner = await createPartner(env, org.id, program.id, { referralCode: 'OWNER90' });
    const start = env.clock.now();
    const first = await ingestOrder(
      ctx,
      env.services.db,
      orderInput({ partnerCode: 'OWNER90', customer: { phone: '0987654321', name: 'Lê Văn Khách' } }),
    );
    expect(first.order.attributionMethod).toBe('partner_code');
    env.clock.advance(60 * DAY);
    const repeat = await ingestOrder(
      ctx,
      env.services.db,
      orderInput({ customer: { phone: '+84987654321' } }),
    );
    expect(repeat.order).toMatchObject({
      attributionMethod: 'customer',
      enrollmentId: partner.enrollment.id,
    });
    expect(repeat.order.customer.id).toBe(first.order.customer.id);
    expect(repeat.order.attributionEvidence).toMatchObject({
      ownedSince: start.toISOString(),
      ownedUntil: new Date(start.getTime() + 90 * DAY).toISOString(),
    });
    env.clock.advance(31 * DAY);
    const late = await ingestOrder(ctx, env.services.db, orderInput({ customer: { phone: '0987654321' } }));
    expect(late.order.attributionMethod).toBe('none');
    expect(late.order.attributionEvidence.ignored).toEqual([
      { kind: 'customer', value: first.order.customer.id, reason: 'ownership_expired' },
    ]);
  });

  it('keeps lifetime ownership when the program sets no window, matching the customer by shop id then email', async () => {
    const { org, program, ctx } = await createOrdersWorld(env, { ownershipDays: null });
    const partner = await createPartner(env, org.id, program.id, { referralCode: 'LIFE1' });
    const first = await ingestOrder(
      ctx,
      env.services.db,
      orderInput({
        source: 'shopify',
        partnerCode: 'life1',
        customer: { externalId: '7001', email: 'Hoa@Example.VN' },
      }),
    );
    env.clock.advance(400 * DAY);
    const byRef = await ingestOrder(
      ctx,
      env.services.db,
      orderInput({ source: 'shopify', customer: { externalId: '7001' } }),
    );
    const byEmail = await ingestOrder(
      ctx,
      env.services.db,
      orderInput({ customer: { email: 'hoa@example.vn' } }),
    );
    for (const { order } of [byRef, byEmail]) {
      expect(order).toMatchObject({ attributionMethod: 'customer', enrollmentId: partner.enrollment.id });
      expect(order.customer.id).toBe(first.order.customer.id);
      expect(order.attributionEvidence.ownedUntil).toBeNull();
    }
  });

  it('credits a batch: a customer’s first order in the batch makes the owner of their later ones', async () => {
    const { org, program, ctx } = await createOrdersWorld(env);
    const partner = await createPartner(env, org.id, program.id, { referralCode: 'BATCH1' });
    const { ingestOrders } = await import('./ingest-order');
    const at = env.clock.now().getTime();
    const results = await ingestOrders(ctx, env.services.db, [
      orderInput({ customer: { phone: '0933111222' }, placedAt: new Date(at - 1000) }),
      orderInput({ customer: { phone: '0933111222' }, partnerCode: 'BATCH1', placedAt: new Date(at - 2000) }),
    ]);
    expect(results.map((r) => r.ok && r.order.attributionMethod)).toEqual(['customer', 'partner_code']);
    expect(results.map((r) => r.ok && r.order.enrollmentId)).toEqual([
      partner.enrollment.id,
      partner.enrollment.id,
    ]);
  });
});

describe('flags', () => {
  it('flags a self-referral by phone or email and keeps the credit with the partner, without making an owner', async () => {
    const { org, program, ctx } = await createOrdersWorld(env);
    const partner = await createPartner(env, org.id, program.id, {
      phone: '0977000111',
      email: 'mai.ctv@example.vn',
      referralCode: 'SELF1',
    });
    const byPhone = await ingestOrder(
      ctx,
      env.services.db,
      orderInput({ partnerCode: 'SELF1', customer: { phone: '0977 000 111' } }),
    );
    expect(byPhone.order).toMatchObject({ enrollmentId: partner.enrollment.id, flags: ['self_referral'] });
    const byEmail = await ingestOrder(
      ctx,
      env.services.db,
      orderInput({ partnerCode: 'SELF1', customer: { email: 'MAI.CTV@example.vn' } }),
    );
    expect(byEmail.order.flags).toEqual(['self_referral']);
    const again = await ingestOrder(ctx, env.services.db, orderInput({ customer: { phone: '0977000111' } }));
    expect(again.order.attributionMethod).toBe('none');
    const clean = await ingestOrder(
      ctx,
      env.services.db,
      orderInput({ partnerCode: 'SELF1', customer: { phone: '0977000222' } }),
    );
    expect(clean.order.flags).toEqual([]);
  });

  it('flags own device when the buyer’s IP is one the partner signed in from', async () => {
    const { org, program, ctx } = await createOrdersWorld(env);
    const partner = await createPartner(env, org.id, program.id, { referralCode: 'DEVICE1' });
    const { sessions } = await import('../auth');
    const now = env.clock.now();
    await env.services.db.insert(sessions).values({
      id: `ses_test${Date.now()}`,
      identityId: partner.identity.id,
      tokenHash: `hash-${Date.now()}`,
      app: 'partner',
      csrfToken: 'x',
      ipHash: env.services.keys.hashPersonal('198.51.100.7'),
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + DAY),
    });
    const own = await ingestOrder(
      ctx,
      env.services.db,
      orderInput({ partnerCode: 'DEVICE1', clientIp: '198.51.100.7' }),
    );
    expect(own.order.flags).toEqual(['own_device']);
    const click = await createClick(env, org.id, partner.enrollment, { ip: '198.51.100.7' });
    const ownClick = await ingestOrder(
      ctx,
      env.services.db,
      orderInput({ clickId: click.id, clientIp: '192.0.2.1' }),
    );
    expect(ownClick.order.flags).toEqual(['own_device']);
    const stranger = await ingestOrder(
      ctx,
      env.services.db,
      orderInput({ partnerCode: 'DEVICE1', clientIp: '192.0.2.1' }),
    );
    expect(stranger.order.flags).toEqual([]);
  });
});

describe('evidence that cannot credit', () => {
  it('ignores disabled coupons and partners not approved, and notes a currency unlike the program’s', async () => {
    const { org, program, ctx } = await createOrdersWorld(env);
    const partner = await createPartner(env, org.id, program.id, { referralCode: 'THBUY' });
    const coupon = await createCoupon(env, org.id, partner.enrollment, 'OFF20');
    const { coupons } = await import('../tracking/schema');
    const { eq } = await import('drizzle-orm');
    await env.services.db.update(coupons).set({ status: 'disabled' }).where(eq(coupons.id, coupon.id));
    const disabled = await ingestOrder(ctx, env.services.db, orderInput({ couponCode: 'off20' }));
    expect(disabled.order.attributionEvidence.ignored).toEqual([
      { kind: 'coupon', value: 'OFF20', reason: 'coupon_disabled' },
    ]);
    const pending = await (await import('../../../../test/enrollment-fixtures')).createTestEnrollment(
      env,
      org.id,
      { programId: program.id, referralCode: 'WAITING1' },
    );
    const notApproved = await ingestOrder(ctx, env.services.db, orderInput({ partnerCode: 'WAITING1' }));
    expect(notApproved.order.attributionMethod).toBe('none');
    expect(notApproved.order.attributionEvidence.ignored?.[0]?.reason).toBe('enrollment_not_approved');
    expect(pending.enrollment.status).toBe('pending');
    const thb = await ingestOrder(
      ctx,
      env.services.db,
      orderInput({ partnerCode: 'THBUY', currency: 'THB' }),
    );
    expect(thb.order).toMatchObject({
      attributionMethod: 'partner_code',
      enrollmentId: partner.enrollment.id,
    });
    expect(thb.order.attributionEvidence).toMatchObject({
      currencyMismatch: { orderCurrency: 'THB', programCurrency: 'VND' },
    });
  });
});
