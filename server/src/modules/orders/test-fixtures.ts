import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { createTestEnrollment, createTestProgram } from '../../../../test/enrollment-fixtures';
import { createTestOrg, systemContext } from '../../../../test/factories';
import type { TestEnv } from '../../../../test/harness';
import { newId } from '../../platform/ids';
import type { TenantContext } from '../../platform/services';
import { products } from '../catalog/schema';
import { programs } from '../programs';
import { type ClickRow, storeClicksOnce } from '../tracking';
import { coupons } from '../tracking/schema';
import type { OrderInput } from './ingest-order';

/** An organisation with an active VND program and its context, for orders tests. */
export async function createOrdersWorld(
  env: TestEnv,
  options: {
    cookieDays?: number;
    model?: 'last_click' | 'first_click';
    ownershipDays?: number | null;
    currency?: string;
  } = {},
) {
  const { org } = await createTestOrg(env);
  const program = await createTestProgram(env, org.id);
  await env.services.db
    .update(programs)
    .set({
      cookieDays: options.cookieDays ?? 30,
      attributionModel: options.model ?? 'last_click',
      customerOwnershipDays: options.ownershipDays ?? null,
      currency: options.currency ?? 'VND',
    })
    .where(eq(programs.id, program.id));
  const ctx: TenantContext = systemContext(env, org.id);
  return { org, program: { ...program, currency: options.currency ?? 'VND' }, ctx };
}

/** An approved partner of the program, with a phone when given. */
export async function createPartner(
  env: TestEnv,
  orgId: string,
  programId: string,
  options: { fullName?: string; phone?: string; email?: string; referralCode?: string } = {},
) {
  return createTestEnrollment(env, orgId, { programId, status: 'approved', ...options });
}

export async function createCoupon(
  env: TestEnv,
  orgId: string,
  enrollment: { id: string; programId: string },
  code: string,
) {
  const [coupon] = await env.services.db
    .insert(coupons)
    .values({
      orgId,
      id: newId('coupon'),
      programId: enrollment.programId,
      enrollmentId: enrollment.id,
      code,
    })
    .returning();
  return coupon!;
}

/** A click of the partner's (made-up) link at `at`, from `ip` hashed like the buyer's. */
export async function createClick(
  env: TestEnv,
  orgId: string,
  enrollment: { id: string; programId: string },
  options: { at?: Date; ip?: string; isBot?: boolean } = {},
) {
  const click: ClickRow = {
    orgId,
    id: newId('click'),
    linkId: `lnk_test${randomBytes(4).toString('hex')}`,
    programId: enrollment.programId,
    enrollmentId: enrollment.id,
    createdAt: options.at ?? env.clock.now(),
    ipHash: env.services.keys.hashPersonal(options.ip ?? '203.0.113.9'),
    userAgent: 'Mozilla/5.0',
    referrer: null,
    deviceType: 'mobile',
    isBot: options.isBot ?? false,
    isUnique: true,
  };
  await storeClicksOnce(env.services.database, [click]);
  return click;
}

export async function createProduct(
  env: TestEnv,
  orgId: string,
  options: {
    sku: string;
    name?: string;
    priceMinor?: bigint;
    costMinor?: bigint;
    ctvPriceMinor?: bigint;
    currency?: string;
  },
) {
  const [product] = await env.services.db
    .insert(products)
    .values({
      orgId,
      id: newId('product'),
      sku: options.sku,
      name: options.name ?? `Sản phẩm ${options.sku}`,
      currency: options.currency ?? 'VND',
      priceMinor: options.priceMinor ?? 100_000n,
      costMinor: options.costMinor ?? null,
      ctvPriceMinor: options.ctvPriceMinor ?? null,
    })
    .returning();
  return product!;
}

let sequence = 0;

/** A plain one-line order from the API source, with a fresh external id unless given. */
export function orderInput(overrides: Partial<OrderInput> = {}): OrderInput {
  sequence += 1;
  return {
    source: 'api',
    externalId: `T-${Date.now()}-${sequence}`,
    currency: 'VND',
    items: [{ sku: 'SKU-1', quantity: 1, unitPriceMinor: 250_000n }],
    ...overrides,
  };
}
