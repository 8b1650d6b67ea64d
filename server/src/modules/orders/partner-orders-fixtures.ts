import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { createTestEnrollment, createTestProgram } from '../../../../test/enrollment-fixtures';
import {
  addTestMember,
  apiCall,
  createTestApiKey,
  createTestOrg,
  TEST_PASSWORD,
  uniqueEmail,
} from '../../../../test/factories';
import type { TestEnv } from '../../../../test/harness';
import { requestJson, signInPartner, type TestSession } from '../../../../test/sessions';
import { createPartnerAccount } from '../partners';
import { programs } from '../programs';

/**
 * Test world of the sales tests: an organisation with a VND program, three products (one
 * archived), two approved CTVs (Mai cared for by care staff Lan, Hùng by nobody) and signed-in sessions.
 */
export async function createSalesWorld(env: TestEnv, options: { confirmAlertHours?: number } = {}) {
  const { org, member: owner } = await createTestOrg(env, { name: 'Mỹ phẩm Hoa Sen' });
  const call = apiCall(env, (await createTestApiKey(env, org.id, 'owner')).secret);
  const program = await createTestProgram(env, org.id, { name: 'CTV Hoa Sen' });
  if (options.confirmAlertHours) {
    await env.services.db
      .update(programs)
      .set({ confirmAlertHours: options.confirmAlertHours })
      .where(eq(programs.id, program.id));
  }
  const product = async (sku: string, name: string, priceMinor: string) => {
    const response = await call('POST', '/api/v1/products', { sku, name, priceMinor });
    expect(response.status, await response.clone().text()).toBe(201);
    return (await response.json()) as { id: string; sku: string };
  };
  const serum = await product('SERUM-30', 'Serum Vitamin C 30ml', '350000');
  const mask = await product('MASK-10', 'Mặt nạ ngủ 10 miếng', '120000');
  const old = await product('KEM-CU', 'Kem dưỡng mẫu cũ', '99000');
  expect((await call('POST', `/api/v1/products/${old.id}/status`, { status: 'archived' })).status).toBe(200);
  const care = await addTestMember(env, org.id, { role: 'care_staff', fullName: 'Lê Thị Lan' });
  const mai = await partner(env, org.id, program.id, 'Trần Thị Mai');
  const hung = await partner(env, org.id, program.id, 'Nguyễn Văn Hùng');
  expect(
    (await call('PATCH', `/api/v1/enrollments/${mai.enrollmentId}`, { careMemberId: care.member.id })).status,
  ).toBe(200);
  return { org, owner, call, program, products: { serum, mask, old }, care, mai, hung };
}

export type SalesWorld = Awaited<ReturnType<typeof createSalesWorld>>;

/** An approved CTV with a password, signed in to the partner app. */
export async function partner(
  env: TestEnv,
  orgId: string,
  programId: string,
  fullName: string,
  status: 'approved' | 'pending' = 'approved',
) {
  const email = uniqueEmail('ctv');
  const { identity } = await createPartnerAccount(env.services, env.services.db, {
    fullName,
    email,
    password: TEST_PASSWORD,
  });
  const { enrollment } = await createTestEnrollment(env, orgId, { programId, email, status });
  const session = await signInPartner(env, email, TEST_PASSWORD);
  return { enrollmentId: enrollment.id, partnerId: enrollment.partnerId, identityId: identity.id, session };
}

/** A new-order body of the partner app, with a fresh client order id. */
export function orderBody(enrollmentId: string, items: unknown[], extra: Record<string, unknown> = {}) {
  return {
    enrollmentId,
    clientOrderId: randomUUID(),
    customer: { name: 'Phạm Thu Hà', phone: '0901 234 567', address: '12 Lê Lợi, Quận 1, TP. Hồ Chí Minh' },
    items,
    paymentMethod: 'cod',
    ...extra,
  };
}

/** Enters an order in the partner app and answers it. */
export async function enterOrder(env: TestEnv, session: TestSession, body: Record<string, unknown>) {
  const response = await requestJson(env, 'POST', '/api/me/orders', { session, body });
  expect(response.status, await response.clone().text()).toBe(201);
  return (await response.json()) as { id: string; number: string; status: string; totalMinor: string };
}
