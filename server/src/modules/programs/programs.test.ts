import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { addTestMember, apiCall, createTestApiKey, createTestOrg } from '../../../../test/factories';
import { createTestEnv } from '../../../../test/harness';
import { auditLog } from '../audit';
import { PAGE_CODE_ALPHABET } from './page-code';

const env = await createTestEnv();

async function ownerCall() {
  const { org } = await createTestOrg(env);
  return { org, call: apiCall(env, (await createTestApiKey(env, org.id, 'owner')).secret) };
}

const newProgram = (overrides: Record<string, unknown> = {}) => ({ name: 'CTV bán lẻ', ...overrides });

describe('programs API', () => {
  it('creates a draft with defaults: slug from the name, org currency, page code and join URL', async () => {
    const { org, call } = await ownerCall();
    const response = await call('POST', '/api/v1/programs', newProgram({ minPayout: '200000' }));
    expect(response.status).toBe(201);
    const program = await response.json();
    expect(program).toMatchObject({
      name: 'CTV bán lẻ',
      slug: 'ctv-ban-le',
      currency: 'VND',
      status: 'draft',
      joinMode: 'approval',
      cookieDays: 30,
      holdDays: 30,
      minPayout: '200000',
      maxUplineDepth: 3,
      autoApprove: { enabled: false },
    });
    expect(program.id).toMatch(/^prg_/);
    expect(program.pageCode).toHaveLength(6);
    expect([...program.pageCode].every((c: string) => PAGE_CODE_ALPHABET.includes(c))).toBe(true);
    expect(program.joinUrl).toBe(`http://kenh.test/p/join/${program.pageCode}`);
    expect(program.joinForm.map((f: { key: string }) => f.key)).toEqual([
      'fullName',
      'phone',
      'email',
      'province',
    ]);
    const second = await (await call('POST', '/api/v1/programs', newProgram())).json();
    expect(second.slug).toBe('ctv-ban-le-2');
    expect(second.pageCode).not.toBe(program.pageCode);
    const audit = await env.services.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.orgId, org.id), eq(auditLog.entityId, program.id)));
    expect(audit.map((row) => row.action)).toEqual(['program.created']);
  });

  it('refuses invalid settings with field paths, and a float or negative minimum payout', async () => {
    const { call } = await ownerCall();
    const cases: [Record<string, unknown>, string][] = [
      [{ cookieDays: 0 }, 'body.cookieDays'],
      [{ cookieDays: 366 }, 'body.cookieDays'],
      [{ holdDays: -1 }, 'body.holdDays'],
      [{ maxUplineDepth: 11 }, 'body.maxUplineDepth'],
      [{ minPayout: '2000.50' }, 'body.minPayout'],
      [{ minPayout: 200000 }, 'body.minPayout'],
      [{ currency: 'XYZ' }, 'body.currency'],
      [{ joinForm: [{ key: 'phone', required: true }] }, 'body.joinForm'],
      [
        {
          joinForm: [
            { key: 'fullName', required: true },
            { key: 'email', required: false },
          ],
        },
        'body.joinForm',
      ],
      [
        {
          joinForm: [
            { key: 'fullName', required: true },
            { key: 'phone', required: true },
            { key: 'custom:size', required: false },
          ],
        },
        'body.joinForm.2.label',
      ],
      [
        {
          joinForm: [
            { key: 'fullName', required: true },
            { key: 'phone', required: true },
            { key: 'nickname', required: false },
          ],
        },
        'body.joinForm.2.key',
      ],
    ];
    for (const [overrides, path] of cases) {
      const response = await call('POST', '/api/v1/programs', newProgram(overrides));
      expect(response.status, JSON.stringify(overrides)).toBe(400);
      const body = await response.json();
      expect(
        body.error.details.map((d: { path: string }) => d.path),
        JSON.stringify(overrides),
      ).toContain(path);
    }
  });

  it('updates settings with an audit entry; an explicit slug must be free; currency only in draft', async () => {
    const { org, call } = await ownerCall();
    const a = await (await call('POST', '/api/v1/programs', newProgram({ name: 'Đại lý cấp 1' }))).json();
    const b = await (await call('POST', '/api/v1/programs', newProgram())).json();
    const patched = await call('PATCH', `/api/v1/programs/${b.id}`, {
      minPayout: '500000',
      joinMode: 'open',
      currency: 'THB',
      joinForm: [
        { key: 'fullName', required: true },
        { key: 'email', required: true },
        { key: 'custom:shop', required: false, label: 'Tên cửa hàng' },
      ],
    });
    expect(patched.status).toBe(200);
    expect(await patched.json()).toMatchObject({ minPayout: '500000', joinMode: 'open', currency: 'THB' });
    const taken = await call('PATCH', `/api/v1/programs/${b.id}`, { slug: a.slug });
    expect(taken.status).toBe(409);
    await call('POST', `/api/v1/programs/${b.id}/status`, { status: 'active' });
    const currency = await call('PATCH', `/api/v1/programs/${b.id}`, { currency: 'VND' });
    expect(currency.status).toBe(409);
    const [entry] = await env.services.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.orgId, org.id), eq(auditLog.action, 'program.updated')));
    expect(entry?.before).toMatchObject({ minPayout: '0', joinMode: 'approval', currency: 'VND' });
    expect(entry?.after).toMatchObject({ minPayout: '500000', joinMode: 'open', currency: 'THB' });
  });

  it('moves draft → active ⇄ paused → archived, and archived is final', async () => {
    const { call } = await ownerCall();
    const program = await (await call('POST', '/api/v1/programs', newProgram())).json();
    const move = (status: string) => call('POST', `/api/v1/programs/${program.id}/status`, { status });
    expect((await move('paused')).status).toBe(409);
    expect((await move('draft')).status).toBe(200); // unchanged: no-op
    for (const status of ['active', 'paused', 'active', 'archived']) {
      const response = await move(status);
      expect(response.status, status).toBe(200);
      expect((await response.json()).status).toBe(status);
    }
    for (const status of ['active', 'paused', 'draft']) expect((await move(status)).status).toBe(409);
    expect((await call('PATCH', `/api/v1/programs/${program.id}`, { name: 'Mới' })).status).toBe(409);
  });

  it('lists with filters, sorting and cursor paging', async () => {
    const { call } = await ownerCall();
    for (const name of ['Alpha', 'Bravo', 'Charlie', 'Delta'])
      await call('POST', '/api/v1/programs', newProgram({ name }));
    const active = await (await call('GET', '/api/v1/programs?q=bravo')).json();
    await call('POST', `/api/v1/programs/${active.items[0].id}/status`, { status: 'active' });
    const first = await (await call('GET', '/api/v1/programs?sort=name&order=asc&limit=3')).json();
    expect(first.items.map((p: { name: string }) => p.name)).toEqual(['Alpha', 'Bravo', 'Charlie']);
    const second = await (
      await call('GET', `/api/v1/programs?sort=name&order=asc&limit=3&cursor=${first.nextCursor}`)
    ).json();
    expect(second.items.map((p: { name: string }) => p.name)).toEqual(['Delta']);
    expect(second.nextCursor).toBeNull();
    const filtered = await (await call('GET', '/api/v1/programs?status=active')).json();
    expect(filtered.items.map((p: { name: string }) => p.name)).toEqual(['Bravo']);
  });

  it('page codes are unique across organisations (look-up ignores case)', async () => {
    const codes = new Set<string>();
    for (let i = 0; i < 3; i++) {
      const { call } = await ownerCall();
      for (let j = 0; j < 5; j++)
        codes.add((await (await call('POST', '/api/v1/programs', newProgram())).json()).pageCode);
    }
    expect(codes.size).toBe(15);
    const { database } = env.services;
    const [row] = await database.query<{ page_code: string; org_id: string; id: string }>(
      'select page_code, org_id, id from programs limit 1',
    );
    await expect(
      database.query(
        `insert into programs (org_id, id, name, slug, page_code, currency, join_form, auto_approve)
         values ($1, 'prg_dup', 'Dup', 'dup-x', $2, 'VND', '[]', '{}')`,
        [row!.org_id, row!.page_code.toLowerCase()],
      ),
    ).rejects.toThrow();
  });

  it('serves the QR code as a downloadable PNG and SVG of the join URL', async () => {
    const { call } = await ownerCall();
    const program = await (await call('POST', '/api/v1/programs', newProgram())).json();
    const png = await call('GET', `/api/v1/programs/${program.id}/qr.png?size=256`);
    expect(png.status).toBe(200);
    expect(png.headers.get('content-type')).toBe('image/png');
    expect(png.headers.get('content-disposition')).toBe(`attachment; filename="join-${program.slug}.png"`);
    const bytes = Buffer.from(await png.arrayBuffer());
    expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect(bytes.readUInt32BE(16)).toBe(256); // IHDR width
    const svg = await call('GET', `/api/v1/programs/${program.id}/qr.svg`);
    expect(svg.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    const text = await svg.text();
    expect(text).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^>]*viewBox="0 0 \d+ \d+"/);
    expect(text.trim().endsWith('</svg>')).toBe(true);
    expect((await call('GET', `/api/v1/programs/${program.id}/qr.png?size=5000`)).status).toBe(400);
  });

  it('keeps tracking and attribution settings, with defaults and their rules', async () => {
    const { call } = await ownerCall();
    const plain = await (await call('POST', '/api/v1/programs', newProgram())).json();
    expect(plain).toMatchObject({
      destinationUrl: null,
      allowedDomains: [],
      fallbackUrl: null,
      attributionModel: 'last_click',
      customerOwnershipDays: null,
      confirmAlertHours: 24,
      codAlertDays: 7,
    });
    const created = await call(
      'POST',
      '/api/v1/programs',
      newProgram({
        destinationUrl: 'https://shop.hoa.vn/',
        allowedDomains: ['Shop.Hoa.vn', 'hoa.com'],
        fallbackUrl: 'https://m.shop.hoa.vn/khuyen-mai',
        attributionModel: 'first_click',
        customerOwnershipDays: 365,
        confirmAlertHours: 4,
        codAlertDays: 10,
      }),
    );
    expect(created.status).toBe(201);
    const program = await created.json();
    expect(program).toMatchObject({
      destinationUrl: 'https://shop.hoa.vn/',
      allowedDomains: ['shop.hoa.vn', 'hoa.com'],
      fallbackUrl: 'https://m.shop.hoa.vn/khuyen-mai',
      attributionModel: 'first_click',
      customerOwnershipDays: 365,
      confirmAlertHours: 4,
      codAlertDays: 10,
    });
    const patched = await call('PATCH', `/api/v1/programs/${program.id}`, { customerOwnershipDays: null });
    expect((await patched.json()).customerOwnershipDays).toBeNull();

    const refused: [Record<string, unknown>, string][] = [
      [{ destinationUrl: 'ftp://shop.hoa.vn/' }, 'body.destinationUrl'],
      [{ fallbackUrl: 'javascript:alert(1)' }, 'body.fallbackUrl'],
      [{ allowedDomains: ['https://shop.hoa.vn/'] }, 'body.allowedDomains.0'],
      [{ customerOwnershipDays: 0 }, 'body.customerOwnershipDays'],
      [{ customerOwnershipDays: 3651 }, 'body.customerOwnershipDays'],
      [{ attributionModel: 'linear' }, 'body.attributionModel'],
      [{ destinationUrl: 'https://other.vn/', allowedDomains: ['hoa.vn'] }, 'body.destinationUrl'],
      [{ fallbackUrl: 'https://nothoa.vn/', allowedDomains: ['hoa.vn'] }, 'body.fallbackUrl'],
    ];
    for (const [settings, path] of refused) {
      const response = await call('POST', '/api/v1/programs', newProgram(settings));
      expect(response.status, JSON.stringify(settings)).toBe(400);
      const paths = (await response.json()).error.details.map((d: { path: string }) => d.path);
      expect(paths, JSON.stringify(settings)).toContain(path);
    }
    // a patch is checked against the stored settings: narrowing domains would strand the destination
    const narrowed = await call('PATCH', `/api/v1/programs/${program.id}`, { allowedDomains: ['hoa.com'] });
    expect(narrowed.status).toBe(400);
    const details = (await narrowed.json()).error.details.map((d: { path: string }) => d.path);
    expect(details).toEqual(['body.destinationUrl', 'body.fallbackUrl']);
    const widened = await call('PATCH', `/api/v1/programs/${program.id}`, { allowedDomains: [] });
    expect((await widened.json()).allowedDomains).toEqual([]);
  });

  it('answers 404 for another organisation’s program, and care staff may read but not manage', async () => {
    const a = await ownerCall();
    const b = await ownerCall();
    const program = await (await a.call('POST', '/api/v1/programs', newProgram())).json();
    expect((await b.call('GET', `/api/v1/programs/${program.id}`)).status).toBe(404);
    expect((await b.call('GET', `/api/v1/programs/${program.id}/qr.png`)).status).toBe(404);
    expect((await b.call('POST', `/api/v1/programs/${program.id}/status`, { status: 'active' })).status).toBe(
      404,
    );
    await addTestMember(env, a.org.id, { role: 'care_staff' });
    const care = apiCall(env, (await createTestApiKey(env, a.org.id, 'care_staff')).secret);
    expect((await care('GET', `/api/v1/programs/${program.id}`)).status).toBe(200);
    expect((await care('POST', '/api/v1/programs', newProgram())).status).toBe(403);
  });
});
