import { and, eq } from 'drizzle-orm';
import { createTestEnrollment, createTestProgram } from '../../../../test/enrollment-fixtures';
import { createTestOrg, TEST_PASSWORD, uniqueEmail } from '../../../../test/factories';
import type { TestEnv } from '../../../../test/harness';
import { signInPartner } from '../../../../test/sessions';
import { createPartnerAccount } from '../partners';
import { programs } from '../programs';
import { links } from './schema';

/** An organisation with a shop program (destination, allowed domains, fallback) and its owner. */
export async function shopProgram(env: TestEnv, settings: Partial<typeof programs.$inferInsert> = {}) {
  const { org } = await createTestOrg(env);
  const created = await createTestProgram(env, org.id);
  const [program] = await env.services.db
    .update(programs)
    .set({
      destinationUrl: 'https://shop.hoa.vn/?from=kenh#top',
      allowedDomains: ['shop.hoa.vn', 'hoa.com'],
      fallbackUrl: 'https://shop.hoa.vn/khuyen-mai',
      cookieDays: 45,
      // a real page code (the public snippet looks programs up by it)
      pageCode: Array.from(
        { length: 6 },
        () => '23456789ABCDEFGHJKMNPQRSTUVWXYZ'[Math.floor(Math.random() * 31)],
      ).join(''),
      ...settings,
    })
    .where(and(eq(programs.orgId, org.id), eq(programs.id, created.id)))
    .returning();
  return { org, program: program! };
}

/** A partner with a password, approved in the program, signed in to the partner app. */
export async function signedInPartner(env: TestEnv, orgId: string, programId: string) {
  const email = uniqueEmail('ctv');
  await createPartnerAccount(env.services, env.services.db, {
    fullName: 'Trần Thị Mai',
    email,
    password: TEST_PASSWORD,
  });
  const made = await createTestEnrollment(env, orgId, { programId, email, status: 'approved' });
  const session = await signInPartner(env, email, TEST_PASSWORD, {
    ip: `198.51.100.${Math.floor(Math.random() * 250)}`,
  });
  return { ...made, session };
}

export async function defaultLinkOf(env: TestEnv, orgId: string, enrollmentId: string) {
  return env.services.db
    .select()
    .from(links)
    .where(and(eq(links.orgId, orgId), eq(links.enrollmentId, enrollmentId), eq(links.isDefault, true)));
}
