import { randomBytes } from 'node:crypto';
import { createEnrollment, createPartnerAccount } from '../server/src/modules/partners';
import { programs } from '../server/src/modules/programs';
import { newId } from '../server/src/platform/ids';
import { systemContext, uniqueEmail } from './factories';
import type { TestEnv } from './harness';

/** An active program written straight to the table (no HTTP), for tests of enrollments. */
export async function createTestProgram(
  env: TestEnv,
  orgId: string,
  options: { name?: string; maxUplineDepth?: number } = {},
) {
  const now = env.clock.now();
  const suffix = randomBytes(3).toString('hex');
  const [program] = await env.services.db
    .insert(programs)
    .values({
      orgId,
      id: newId('program', now.getTime()),
      name: options.name ?? `CTV bán lẻ ${suffix}`,
      slug: `ctv-${suffix}`,
      pageCode: `T${randomBytes(4).toString('hex').toUpperCase()}`,
      currency: 'VND',
      status: 'active',
      maxUplineDepth: options.maxUplineDepth ?? 3,
      joinForm: [{ key: 'fullName', required: true }],
      autoApprove: { enabled: false },
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  return program!;
}

/** A partner (new identity with an email) enrolled in a program, pending unless told otherwise. */
export async function createTestEnrollment(
  env: TestEnv,
  orgId: string,
  options: {
    programId: string;
    fullName?: string;
    email?: string | null;
    phone?: string;
    uplineReferralCode?: string;
    referralCode?: string;
    status?: 'pending' | 'approved';
  },
) {
  const ctx = systemContext(env, orgId);
  const { partner, identity } = await createPartnerAccount(env.services, env.services.db, {
    fullName: options.fullName ?? 'Trần Thị Mai',
    email: options.email === null ? undefined : (options.email ?? uniqueEmail('ctv')),
    phone: options.phone,
  });
  const enrollment = await createEnrollment(ctx, env.services.db, {
    programId: options.programId,
    partnerId: partner.id,
    fullName: identity.fullName,
    source: 'staff',
    status: options.status ?? 'pending',
    referralCode: options.referralCode,
    uplineReferralCode: options.uplineReferralCode,
  });
  return { enrollment, partner, identity };
}
