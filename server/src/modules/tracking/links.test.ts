import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { apiCall, createTestApiKey, systemContext } from '../../../../test/factories';
import { createTestEnv } from '../../../../test/harness';
import { requestJson } from '../../../../test/sessions';
import { newId } from '../../platform/ids';
import { products } from '../catalog';
import { ensureDefaultLinks } from './ensure-default-link';
import { storeClicksOnce } from './redirect/store-clicks';
import { clicks, coupons, links } from './schema';
import { seedDemoTracking } from './seed-demo';
import { shopProgram, signedInPartner } from './test-fixtures';

const env = await createTestEnv();

async function setup() {
  const { org, program } = await shopProgram(env);
  const me = await signedInPartner(env, org.id, program.id);
  return { org, program, ...me };
}

describe('partner links', () => {
  it('lists my default link (made lazily for older enrollments) and creates links to allowed pages', async () => {
    const { org, enrollment, session } = await setup();
    // an enrollment approved before links existed has no default link yet
    await env.services.db.delete(links).where(eq(links.orgId, org.id));
    const list = await (
      await requestJson(env, 'GET', `/api/me/links?enrollmentId=${enrollment.id}`, { session })
    ).json();
    expect(list.defaultLink).toMatchObject({
      isDefault: true,
      status: 'active',
      destinationUrl: 'https://shop.hoa.vn/?from=kenh#top',
      clicks: 0,
    });
    expect(list.defaultLink.shortUrl).toBe(`http://kenh.test/r/${list.defaultLink.code}`);
    expect(list.items.map((link: { id: string }) => link.id)).toEqual([list.defaultLink.id]);

    env.clock.advance(1000);
    const created = await requestJson(env, 'POST', '/api/me/links', {
      session,
      body: {
        enrollmentId: enrollment.id,
        destinationUrl: 'https://blog.hoa.com/review',
        title: 'Bài review',
        subIds: { sub1: 'fb-group', sub3: 'x'.repeat(100) },
        utm: { source: 'facebook', medium: 'ctv' },
      },
    });
    expect(created.status).toBe(201);
    const link = await created.json();
    expect(link).toMatchObject({
      destinationUrl: 'https://blog.hoa.com/review',
      title: 'Bài review',
      subIds: { sub1: 'fb-group', sub3: 'x'.repeat(100) },
      utm: { source: 'facebook', medium: 'ctv' },
      isDefault: false,
      status: 'active',
    });
    expect(link.code).not.toBe(list.defaultLink.code);
    const again = await (
      await requestJson(env, 'GET', `/api/me/links?enrollmentId=${enrollment.id}&limit=1`, { session })
    ).json();
    expect(again.items.map((item: { id: string }) => item.id)).toEqual([link.id]);
    expect(again.nextCursor).not.toBeNull();
    expect(await env.services.db.select().from(links).where(eq(links.orgId, org.id))).toHaveLength(2);
  });

  it('refuses destinations outside the allowed domains, naming them', async () => {
    const { enrollment, session } = await setup();
    for (const destinationUrl of [
      'https://evil.vn/shop.hoa.vn',
      'https://notshop.hoa.vn.evil.vn/',
      'ftp://shop.hoa.vn/x',
    ]) {
      const response = await requestJson(env, 'POST', '/api/me/links', {
        session,
        body: { enrollmentId: enrollment.id, destinationUrl },
      });
      expect(response.status, destinationUrl).toBe(422);
      const { error } = await response.json();
      expect(error.message, destinationUrl).toContain('shop.hoa.vn, hoa.com');
      expect(error.details[0].path).toBe('body.destinationUrl');
    }
    const tooLong = await requestJson(env, 'POST', '/api/me/links', {
      session,
      body: { enrollmentId: enrollment.id, destinationUrl: 'https://hoa.com/', subIds: { sub6: 'x' } },
    });
    expect(tooLong.status).toBe(400);
  });

  it('links a product to its page, giving back the same plain link the second time', async () => {
    const { org, enrollment, session } = await setup();
    const productId = newId('product');
    await env.services.db.insert(products).values({
      orgId: org.id,
      id: productId,
      sku: 'SRM-01',
      name: 'Sữa rửa mặt',
      currency: 'VND',
      priceMinor: 150_000n,
      url: 'https://shop.hoa.vn/sp/sua-rua-mat',
    });
    const first = await requestJson(env, 'POST', '/api/me/links', {
      session,
      body: { enrollmentId: enrollment.id, productId },
    });
    expect(first.status).toBe(201);
    const link = await first.json();
    expect(link).toMatchObject({ productId, destinationUrl: 'https://shop.hoa.vn/sp/sua-rua-mat' });
    const second = await requestJson(env, 'POST', '/api/me/links', {
      session,
      body: { enrollmentId: enrollment.id, productId },
    });
    expect(second.status).toBe(200);
    expect((await second.json()).id).toBe(link.id);
    const tagged = await requestJson(env, 'POST', '/api/me/links', {
      session,
      body: { enrollmentId: enrollment.id, productId, subIds: { sub1: 'tiktok' } },
    });
    expect(tagged.status).toBe(201);
  });

  it('keeps another partner’s links out of reach, and the default link cannot be disabled', async () => {
    const { org, program, enrollment, session } = await setup();
    const other = await signedInPartner(env, org.id, program.id);
    const mine = (
      await (await requestJson(env, 'GET', `/api/me/links?enrollmentId=${enrollment.id}`, { session })).json()
    ).defaultLink;
    expect(
      (
        await requestJson(env, 'GET', `/api/me/links?enrollmentId=${enrollment.id}`, {
          session: other.session,
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await requestJson(env, 'PATCH', `/api/me/links/${mine.id}`, {
          session: other.session,
          body: { title: 'Của tôi' },
        })
      ).status,
    ).toBe(404);
    expect(
      (await requestJson(env, 'GET', `/api/me/links/${mine.id}/qr.png`, { session: other.session })).status,
    ).toBe(404);
    expect(
      (
        await requestJson(env, 'POST', '/api/me/links', {
          session: other.session,
          body: { enrollmentId: enrollment.id, destinationUrl: 'https://hoa.com/' },
        })
      ).status,
    ).toBe(404);
    const disable = await requestJson(env, 'PATCH', `/api/me/links/${mine.id}`, {
      session,
      body: { status: 'disabled' },
    });
    expect(disable.status).toBe(409);
    const renamed = await requestJson(env, 'PATCH', `/api/me/links/${mine.id}`, {
      session,
      body: { title: 'Link chính' },
    });
    expect((await renamed.json()).title).toBe('Link chính');
  });

  it('draws QR codes of the short URL as PNG and SVG', async () => {
    const { enrollment, session } = await setup();
    const link = (
      await (await requestJson(env, 'GET', `/api/me/links?enrollmentId=${enrollment.id}`, { session })).json()
    ).defaultLink;
    const png = await requestJson(env, 'GET', `/api/me/links/${link.id}/qr.png?size=256`, { session });
    expect(png.headers.get('content-type')).toBe('image/png');
    const bytes = Buffer.from(await png.arrayBuffer());
    expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect(bytes.readUInt32BE(16)).toBe(256);
    const svg = await requestJson(env, 'GET', `/api/me/links/${link.id}/qr.svg`, { session });
    expect(svg.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    expect(await svg.text()).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  });

  it('shows my clicks per day in the organisation’s time zone, and staff see every link', async () => {
    const { org, enrollment, session } = await setup();
    const link = (
      await (await requestJson(env, 'GET', `/api/me/links?enrollmentId=${enrollment.id}`, { session })).json()
    ).defaultLink;
    const base = {
      orgId: org.id,
      linkId: link.id,
      programId: link.programId,
      enrollmentId: enrollment.id,
      ipHash: 'h',
      userAgent: '',
      referrer: null,
      deviceType: 'mobile' as const,
      isBot: false,
    };
    // 17:30 and 23:30 UTC on 1 November are 2 November in Hồ Chí Minh City (UTC+7)
    await storeClicksOnce(env.services.database, [
      { ...base, id: newId('click'), createdAt: new Date('2026-11-01T23:30:00Z'), isUnique: true },
      { ...base, id: newId('click'), createdAt: new Date('2026-11-01T17:30:00Z'), isUnique: false },
      {
        ...base,
        id: newId('click'),
        createdAt: new Date('2026-10-31T10:00:00Z'),
        isUnique: false,
        isBot: true,
        deviceType: 'bot',
      },
    ]);
    const response = await requestJson(env, 'GET', `/api/me/clicks?enrollmentId=${enrollment.id}`, {
      session,
    });
    const mine = await response.json();
    expect(response.status, JSON.stringify(mine)).toBe(200);
    expect(mine.from).toBe('2026-10-04');
    expect(mine.to).toBe('2026-11-02');
    expect(mine.days).toHaveLength(30);
    expect(mine.days.slice(-3)).toEqual([
      { day: '2026-10-31', total: 1, unique: 0, bots: 1 },
      { day: '2026-11-01', total: 0, unique: 0, bots: 0 },
      { day: '2026-11-02', total: 2, unique: 1, bots: 0 },
    ]);
    expect(mine.totals).toEqual({ total: 3, unique: 1, bots: 1 });

    const call = apiCall(env, (await createTestApiKey(env, org.id, 'owner')).secret);
    const staff = await (await call('GET', `/api/v1/links?enrollmentId=${enrollment.id}`)).json();
    expect(staff.items).toHaveLength(1);
    expect(staff.items[0]).toMatchObject({ id: link.id, clicks: 3, partnerName: 'Trần Thị Mai' });
    const byPartner = await (
      await call('GET', '/api/v1/reports/clicks?groupBy=partner&from=2026-11-01&to=2026-11-02')
    ).json();
    expect(byPartner.rows).toEqual([
      {
        key: enrollment.id,
        label: `Trần Thị Mai (${enrollment.referralCode})`,
        total: 2,
        unique: 1,
        bots: 0,
        impressions: 0,
      },
    ]);
    expect((await call('GET', '/api/v1/reports/clicks?from=2026-11-02&to=2026-11-01')).status).toBe(400);
  });
});

describe('coupons', () => {
  it('are unique in the organisation ignoring case, given to approved partners, and can be disabled', async () => {
    const { org, enrollment } = await setup();
    const call = apiCall(env, (await createTestApiKey(env, org.id, 'owner')).secret);
    const created = await call('POST', '/api/v1/coupons', {
      enrollmentId: enrollment.id,
      code: 'HOA10',
      description: 'Giảm 10%',
    });
    expect(created.status).toBe(201);
    const coupon = await created.json();
    expect(coupon).toMatchObject({
      code: 'HOA10',
      enrollmentId: enrollment.id,
      status: 'active',
      partnerName: 'Trần Thị Mai',
    });
    const taken = await call('POST', '/api/v1/coupons', { enrollmentId: enrollment.id, code: 'hoa10' });
    expect(taken.status).toBe(409);
    expect((await taken.json()).error.details[0].path).toBe('body.code');
    // another organisation may use the same code
    const other = await shopProgram(env);
    const otherMe = await signedInPartner(env, other.org.id, other.program.id);
    const otherCall = apiCall(env, (await createTestApiKey(env, other.org.id, 'owner')).secret);
    expect(
      (await otherCall('POST', '/api/v1/coupons', { enrollmentId: otherMe.enrollment.id, code: 'Hoa10' }))
        .status,
    ).toBe(201);
    expect((await otherCall('GET', `/api/v1/coupons/${coupon.id}`)).status).toBe(404);
    const disabled = await call('PATCH', `/api/v1/coupons/${coupon.id}`, { status: 'disabled' });
    expect((await disabled.json()).status).toBe('disabled');
    const list = await (await call('GET', '/api/v1/coupons?status=disabled')).json();
    expect(list.items.map((item: { code: string }) => item.code)).toEqual(['HOA10']);
    expect((await call('POST', '/api/v1/coupons', { enrollmentId: enrollment.id, code: 'A' })).status).toBe(
      400,
    );
  });
});

describe('bulk default links and demo data', () => {
  it('gives many enrollments their default link at once (imports), and only once', async () => {
    const { org, program } = await shopProgram(env);
    const first = await signedInPartner(env, org.id, program.id);
    const second = await signedInPartner(env, org.id, program.id);
    await env.services.db.delete(links).where(eq(links.orgId, org.id));
    const ctx = systemContext(env, org.id);
    const both = [first.enrollment, second.enrollment];
    await ensureDefaultLinks(ctx, env.services.db, both);
    await ensureDefaultLinks(ctx, env.services.db, both);
    const made = await env.services.db.select().from(links).where(eq(links.orgId, org.id));
    expect(made.map((link) => [link.enrollmentId, link.isDefault]).sort()).toEqual(
      both.map((enrollment) => [enrollment.id, true]).sort(),
    );
  });

  it('seeds demo links, about 200 clicks over 30 days and a coupon, once', async () => {
    const { org, program } = await shopProgram(env);
    const a = await signedInPartner(env, org.id, program.id);
    const b = await signedInPartner(env, org.id, program.id);
    const ctx = systemContext(env, org.id);
    const seeded = await seedDemoTracking(env.services, ctx, { enrollments: [a.enrollment, b.enrollment] });
    expect(seeded).toEqual({ links: 4, clicks: 200 });
    expect(await seedDemoTracking(env.services, ctx, { enrollments: [a.enrollment, b.enrollment] })).toEqual({
      links: 4,
      clicks: 0,
    });
    const rows = await env.services.db.select().from(clicks).where(eq(clicks.orgId, org.id));
    expect(rows).toHaveLength(200);
    const oldest = Math.min(...rows.map((row) => row.createdAt.getTime()));
    expect(env.clock.now().getTime() - oldest).toBeLessThan(30 * 86_400_000);
    expect(rows.some((row) => row.isBot && !row.isUnique)).toBe(true);
    expect(await env.services.db.select().from(coupons).where(eq(coupons.orgId, org.id))).toHaveLength(1);
  });
});
