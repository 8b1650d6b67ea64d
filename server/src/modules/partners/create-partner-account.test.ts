import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createTestOrg, TEST_PASSWORD, uniqueEmail } from '../../../../test/factories';
import { createTestEnv } from '../../../../test/harness';
import { signInPartner } from '../../../../test/sessions';
import { identities } from '../auth';
import { createPartnerAccount } from './create-partner-account';
import { partners } from './schema';

const env = await createTestEnv();
const { db } = env.services;

describe('createPartnerAccount', () => {
  it('creates an identity with a normalised phone and its partner record', async () => {
    const { identity, partner } = await createPartnerAccount(env.services, db, {
      fullName: ' Ngô Thị Lan ',
      phone: '091 234 5701',
      password: TEST_PASSWORD,
    });
    expect(identity).toMatchObject({ phone: '+84912345701', email: null, fullName: 'Ngô Thị Lan' });
    expect(partner.id).toMatch(/^ptr_/);
    expect(partner.identityId).toBe(identity.id);
  });

  it('reuses the identity of the same phone or email and never duplicates the partner', async () => {
    const email = uniqueEmail('ctv');
    const first = await createPartnerAccount(env.services, db, {
      fullName: 'Bùi Văn Nam',
      phone: '+66 81 234 5702',
      password: TEST_PASSWORD,
    });
    const second = await createPartnerAccount(env.services, db, {
      fullName: 'Bùi Văn Nam',
      phone: '0066812345702',
      email,
      password: 'another-password-99',
    });
    expect(second.identity.id).toBe(first.identity.id);
    expect(second.partner.id).toBe(first.partner.id);
    expect(second.identity.email).toBe(email);
    const third = await createPartnerAccount(env.services, db, {
      fullName: 'Bùi Văn Nam',
      email: email.toUpperCase(),
      password: 'third-password-99',
    });
    expect(third.identity.id).toBe(first.identity.id);
    expect(await db.select().from(partners).where(eq(partners.identityId, first.identity.id))).toHaveLength(
      1,
    );
    // the existing password stays: adding a partner record must not take over an account
    expect((await signInPartner(env, email, TEST_PASSWORD)).me.identity.id).toBe(first.identity.id);
  });

  it('makes a staff member a partner too, keeping one identity', async () => {
    const { ownerEmail, owner } = await createTestOrg(env);
    const { identity } = await createPartnerAccount(env.services, db, {
      fullName: 'Nguyễn Văn Chủ',
      email: ownerEmail,
      password: 'ignored-password-1',
    });
    expect(identity.id).toBe(owner.id);
    const rows = await db.select().from(identities).where(eq(identities.email, ownerEmail));
    expect(rows).toHaveLength(1);
  });

  it('refuses an invalid phone, and an email and a phone of two different people', async () => {
    await expect(
      createPartnerAccount(env.services, db, { fullName: 'X', phone: '12345', password: TEST_PASSWORD }),
    ).rejects.toMatchObject({ code: 'validation_failed' });
    const email = uniqueEmail('a');
    await createPartnerAccount(env.services, db, { fullName: 'A', email, password: TEST_PASSWORD });
    await createPartnerAccount(env.services, db, {
      fullName: 'B',
      phone: '0912345703',
      password: TEST_PASSWORD,
    });
    await expect(
      createPartnerAccount(env.services, db, {
        fullName: 'A',
        email,
        phone: '0912345703',
        password: TEST_PASSWORD,
      }),
    ).rejects.toMatchObject({ code: 'conflict' });
  });
});
