import { describe, expect, it } from 'vitest';
import { createTestOrg, systemContext } from '../../../../test/factories';
import { createTestEnv } from '../../../../test/harness';
import { deliveriesOf, ordersOf } from './hooks/test-helpers';
import { seedDemoIntegrations } from './seed-demo';

const env = await createTestEnv();

describe('seedDemoIntegrations', () => {
  it('makes a Shopify source with three processed deliveries and one failed', async () => {
    const org = await createTestOrg(env);
    const { sourceId } = await seedDemoIntegrations(env.services, systemContext(env, org.org.id));
    const deliveries = await deliveriesOf(env, sourceId);
    expect(deliveries.map((d) => d.status).sort()).toEqual(['failed', 'processed', 'processed', 'processed']);
    expect(await ordersOf(env, org.org.id)).toHaveLength(3);
  });
});
