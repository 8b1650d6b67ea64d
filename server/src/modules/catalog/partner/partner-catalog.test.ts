import { describe, expect, it } from 'vitest';
import { createTestEnrollment, createTestProgram } from '../../../../../test/enrollment-fixtures';
import {
  apiCall,
  createTestApiKey,
  createTestOrg,
  TEST_PASSWORD,
  uniqueEmail,
} from '../../../../../test/factories';
import { createTestEnv } from '../../../../../test/harness';
import { requestJson, signInPartner } from '../../../../../test/sessions';
import { createPartnerAccount } from '../../partners';

const env = await createTestEnv();

/** An organisation with a small catalog: two active products in a tree, one draft, one archived. */
async function shop() {
  const { org } = await createTestOrg(env);
  const call = apiCall(env, (await createTestApiKey(env, org.id, 'owner')).secret);
  const post = async (path: string, body: unknown) => (await call('POST', path, body)).json();
  const cosmetics = await post('/api/v1/product-categories', { name: 'Mỹ phẩm' });
  const skin = await post('/api/v1/product-categories', { name: 'Chăm sóc da', parentId: cosmetics.id });
  const hair = await post('/api/v1/product-categories', { name: 'Chăm sóc tóc' });
  await post('/api/v1/product-categories', { name: 'Trống' });
  const serum = await post('/api/v1/products', {
    sku: 'SRM-1',
    name: 'Serum dưỡng ẩm',
    priceMinor: '300000',
    costMinor: '120000',
    ctvPriceMinor: '240000',
    categoryId: skin.id,
    url: 'https://shop.example.vn/serum',
  });
  await post('/api/v1/products', { sku: 'DG-1', name: 'Dầu gội', priceMinor: '120000', categoryId: hair.id });
  await post('/api/v1/products', { sku: 'DRAFT-1', name: 'Nháp', priceMinor: '1', status: 'draft' });
  const archived = await post('/api/v1/products', {
    sku: 'OLD-1',
    name: 'Cũ',
    priceMinor: '1',
    categoryId: hair.id,
  });
  await call('POST', `/api/v1/products/${archived.id}/status`, { status: 'archived' });
  const program = await createTestProgram(env, org.id);
  return { org, program, serum, cosmetics, skin, hair };
}

async function partner(email = uniqueEmail('ctv')) {
  await createPartnerAccount(env.services, env.services.db, {
    fullName: 'Trần Thị Mai',
    email,
    password: TEST_PASSWORD,
  });
  return { email, session: await signInPartner(env, email, TEST_PASSWORD) };
}

describe('partner catalog', () => {
  it('shows the active products of an approved enrollment’s organisation, without cost', async () => {
    const a = await shop();
    const { email, session } = await partner();
    const { enrollment } = await createTestEnrollment(env, a.org.id, {
      programId: a.program.id,
      email,
      status: 'approved',
    });
    const page = await (
      await requestJson(env, 'GET', `/api/me/catalog?enrollmentId=${enrollment.id}`, { session })
    ).json();
    expect(page.items.map((item: { sku: string }) => item.sku)).toEqual(['DG-1', 'SRM-1']);
    expect(page.items[1]).toEqual({
      id: a.serum.id,
      sku: 'SRM-1',
      name: 'Serum dưỡng ẩm',
      description: '',
      categoryId: a.skin.id,
      categoryPath: 'Mỹ phẩm › Chăm sóc da',
      currency: 'VND',
      priceMinor: '300000',
      ctvPriceMinor: '240000',
      imageUrl: null,
      url: 'https://shop.example.vn/serum',
    });
    const filtered = await (
      await requestJson(
        env,
        'GET',
        `/api/me/catalog?enrollmentId=${enrollment.id}&categoryId=${a.cosmetics.id}`,
        {
          session,
        },
      )
    ).json();
    expect(filtered.items.map((item: { sku: string }) => item.sku)).toEqual(['SRM-1']);
    const searched = await (
      await requestJson(env, 'GET', `/api/me/catalog?enrollmentId=${enrollment.id}&q=dau`, { session })
    ).json();
    expect(searched.items.map((item: { sku: string }) => item.sku)).toEqual(['DG-1']);

    const categories = await (
      await requestJson(env, 'GET', `/api/me/catalog/categories?enrollmentId=${enrollment.id}`, { session })
    ).json();
    expect(
      categories.items.map((item: { path: string; productCount: number }) => [item.path, item.productCount]),
    ).toEqual([
      ['Chăm sóc tóc', 1],
      ['Mỹ phẩm', 1],
      ['Mỹ phẩm › Chăm sóc da', 1],
    ]);
  });

  it('answers 404 for another partner’s enrollment, a pending one, and other organisations', async () => {
    const a = await shop();
    const b = await shop();
    const mai = await partner();
    const lan = await partner();
    const { enrollment: maiInA } = await createTestEnrollment(env, a.org.id, {
      programId: a.program.id,
      email: mai.email,
      status: 'approved',
    });
    const { enrollment: lanInB } = await createTestEnrollment(env, b.org.id, {
      programId: b.program.id,
      email: lan.email,
      status: 'approved',
    });
    const { enrollment: lanPendingInA } = await createTestEnrollment(env, a.org.id, {
      programId: (await createTestProgram(env, a.org.id)).id,
      email: lan.email,
    });
    for (const path of ['/api/me/catalog', '/api/me/catalog/categories']) {
      const other = await requestJson(env, 'GET', `${path}?enrollmentId=${lanInB.id}`, {
        session: mai.session,
      });
      expect(other.status).toBe(404);
      const pending = await requestJson(env, 'GET', `${path}?enrollmentId=${lanPendingInA.id}`, {
        session: lan.session,
      });
      expect(pending.status).toBe(404);
      expect(
        (await requestJson(env, 'GET', `${path}?enrollmentId=${maiInA.id}`, { session: mai.session })).status,
      ).toBe(200);
    }
    const bOnly = await (
      await requestJson(env, 'GET', `/api/me/catalog?enrollmentId=${lanInB.id}`, { session: lan.session })
    ).json();
    expect(bOnly.items.map((item: { id: string }) => item.id)).not.toContain(a.serum.id);
    expect(bOnly.items.map((item: { id: string }) => item.id)).toContain(b.serum.id);
    // a category of organisation A does not reveal A's products through B's catalog
    const crossed = await (
      await requestJson(env, 'GET', `/api/me/catalog?enrollmentId=${lanInB.id}&categoryId=${a.skin.id}`, {
        session: lan.session,
      })
    ).json();
    expect(crossed.items).toEqual([]);
  });

  it('is for signed-in partners only', async () => {
    const response = await env.app.request('/api/me/catalog?enrollmentId=enr_x');
    expect(response.status).toBe(401);
  });
});
