import { describe, expect, it } from 'vitest';
import { apiCall } from '../../../test/factories';
import { createTestEnv } from '../../../test/harness';
import { findIdentityByLogin, verifyPassword } from '../modules/auth';
import { findPartnerByIdentity } from '../modules/partners';
import { formatDemoLogins, seedDemo } from './seed-demo';

const env = await createTestEnv();

describe('seedDemo', () => {
  it('seeds Mỹ phẩm Hoa Sen with staff of every role, groups, an API key and a partner, once', async () => {
    const result = await seedDemo(env.services);
    if (!result.created) throw new Error('expected a new demo organisation');
    const { logins } = result;
    const call = apiCall(env, logins.apiKey);
    expect(await (await call('GET', '/api/v1/org')).json()).toMatchObject({
      name: 'Mỹ phẩm Hoa Sen',
      slug: 'hoa-sen',
      currency: 'VND',
      locale: 'vi',
      timeZone: 'Asia/Ho_Chi_Minh',
    });
    const members = await (await call('GET', '/api/v1/members?sort=name&order=asc')).json();
    expect(members.items.map((m: { email: string; role: string }) => [m.email, m.role]).sort()).toEqual(
      [
        ['chu@hoasen.vn', 'owner'],
        ['quantri@hoasen.vn', 'admin'],
        ['quanly@hoasen.vn', 'manager'],
        ['cskh.bac@hoasen.vn', 'care_staff'],
        ['cskh.nam@hoasen.vn', 'care_staff'],
        ['ketoan@hoasen.vn', 'accountant'],
      ].sort(),
    );
    const groups = await (await call('GET', '/api/v1/staff-groups')).json();
    expect(groups.items.map((g: { name: string; memberCount: number }) => [g.name, g.memberCount])).toEqual([
      ['Chăm sóc miền Bắc', 2],
      ['Chăm sóc miền Nam', 1],
    ]);
    const owner = await findIdentityByLogin(env.services.db, { email: 'chu@hoasen.vn' });
    expect(await verifyPassword(owner!.passwordHash!, logins.staffPassword)).toBe(true);
    const partner = await findIdentityByLogin(env.services.db, { phone: '+84901234567' });
    expect(partner?.fullName).toBe('Trần Thị Mai');
    expect(await verifyPassword(partner!.passwordHash!, logins.partnerPassword)).toBe(true);
    expect(await findPartnerByIdentity(env.services.db, partner!.id)).toBeDefined();

    const box = formatDemoLogins(logins, 'http://localhost:3000');
    for (const text of [
      'chu@hoasen.vn',
      logins.staffPassword,
      '0901234567',
      logins.partnerPassword,
      logins.apiKey,
    ]) {
      expect(box).toContain(text);
    }

    // the selling side: a program with its catalog, partners, links, orders and their commission
    await env.services.jobs.drain(50);
    const programs = await (await call('GET', '/api/v1/programs')).json();
    expect(programs.items.map((p: { name: string; status: string }) => [p.name, p.status])).toEqual([
      ['CTV bán lẻ', 'active'],
    ]);
    const products = await (await call('GET', '/api/v1/products?limit=100')).json();
    expect(products.items).toHaveLength(12);
    const orders = await (await call('GET', '/api/v1/orders?limit=100')).json();
    expect(orders.items.length).toBeGreaterThanOrEqual(40);
    const credited = orders.items.filter((o: { enrollmentId: string | null }) => o.enrollmentId);
    expect(credited.length).toBeGreaterThan(30);
    const lines = await (await call('GET', '/api/v1/commissions?limit=100')).json();
    expect(lines.items.length).toBeGreaterThan(30);
    const plans = await (await call('GET', '/api/v1/commission-plans')).json();
    expect(plans.items[0].currentVersion.rules.map((r: { id: string }) => r.id).sort()).toEqual([
      'cham-soc-da',
      'co-ban',
      'kem-mat-na',
      'ref',
      'thang',
    ]);
    // payouts: last month's batch paid (10% withheld on the 2.600.000 ₫ bonus), the demo CTV's
    // 2.450.000 ₫ payable and ready to withdraw
    const batches = await (await call('GET', '/api/v1/payout-batches')).json();
    expect(batches.items.map((b: { status: string; totals: unknown }) => [b.status, b.totals])).toEqual([
      ['completed', { count: 2, grossMinor: '3800000', taxMinor: '260000', netMinor: '3540000' }],
    ]);
    const maiPartner = await findPartnerByIdentity(env.services.db, partner!.id);
    const mai = await (await call('GET', `/api/v1/partners/${maiPartner!.id}/balance`)).json();
    expect(mai.items[0].balances.payable).toBe('2450000');

    const again = await seedDemo(env.services);
    expect(again).toEqual({ created: false, orgId: logins.orgId });
    const after = await (await call('GET', '/api/v1/members')).json();
    expect(after.items).toHaveLength(6);
  });
});
