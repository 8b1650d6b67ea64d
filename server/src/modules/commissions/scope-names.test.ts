import { describe, expect, it } from 'vitest';
import { createTestOrg, systemContext } from '../../../../test/factories';
import { createTestEnv } from '../../../../test/harness';
import { newId } from '../../platform/ids';
import { productCategories, products } from '../catalog/schema';
import { nameScopes } from './scope-names';

const env = await createTestEnv();
const { org } = await createTestOrg(env);
const other = await createTestOrg(env, { name: 'Tổ chức khác' });
const skin = newId('productCategory');
const serum = newId('product');
const foreign = newId('productCategory');
await env.services.db.insert(productCategories).values([
  { orgId: org.id, id: skin, name: 'Chăm sóc da' },
  { orgId: other.org.id, id: foreign, name: 'Bí mật' },
]);
await env.services.db.insert(products).values({
  orgId: org.id,
  id: serum,
  sku: 'SR-01',
  name: 'Serum Vitamin C',
  currency: 'VND',
  priceMinor: 1n,
});

const line = (scope: Record<string, string> | undefined) => ({
  id: 'x',
  explanation: scope ? { scope } : {},
});

describe('scope names on lines', () => {
  it('names the category or product a line was scoped to, leaving the stored ids', async () => {
    const named = await nameScopes(systemContext(env, org.id), env.services.db, [
      line({ kind: 'category', categoryId: skin }),
      line({ kind: 'product', productId: serum }),
      line({ kind: 'all' }),
      line(undefined),
      // deleted since, or another organisation's: no name, nothing leaks
      line({ kind: 'category', categoryId: 'cat_gone' }),
      line({ kind: 'category', categoryId: foreign }),
    ]);
    expect(named.map((l) => l.explanation)).toEqual([
      { scope: { kind: 'category', categoryId: skin, name: 'Chăm sóc da' } },
      { scope: { kind: 'product', productId: serum, name: 'Serum Vitamin C (SR-01)' } },
      { scope: { kind: 'all' } },
      {},
      { scope: { kind: 'category', categoryId: 'cat_gone' } },
      { scope: { kind: 'category', categoryId: foreign } },
    ]);
  });
});
