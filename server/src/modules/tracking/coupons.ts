import { and, asc, desc, eq, ilike, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db';
import { AppError, mapDatabaseError, notFound } from '../../platform/errors';
import { afterCursor, decodeCursor, toPage } from '../../platform/http/paging';
import { newId } from '../../platform/ids';
import type { TenantContext } from '../../platform/services';
import { recordAudit } from '../audit';
import { identities } from '../auth';
import { enrollments, partners } from '../partners';
import { coupons } from './schema';
import type { CouponPatch, CouponsQuery, NewCoupon } from './schemas';

export type Coupon = typeof coupons.$inferSelect;

const CODE_TAKEN = 'Another coupon of the organisation has this code';

/** The coupon with this code in the organisation, ignoring case (attribution's look-up). */
export async function findCouponByCode(
  ctx: TenantContext,
  executor: Executor,
  code: string,
): Promise<Coupon | undefined> {
  const [coupon] = await executor
    .select()
    .from(coupons)
    .where(and(eq(coupons.orgId, ctx.orgId), sql`upper(${coupons.code}) = ${code.trim().toUpperCase()}`));
  return coupon;
}

function selectCoupons(ctx: TenantContext) {
  return ctx.services.db
    .select({ coupon: coupons, partnerName: identities.fullName, referralCode: enrollments.referralCode })
    .from(coupons)
    .innerJoin(
      enrollments,
      and(eq(enrollments.orgId, coupons.orgId), eq(enrollments.id, coupons.enrollmentId)),
    )
    .innerJoin(partners, eq(partners.id, enrollments.partnerId))
    .innerJoin(identities, eq(identities.id, partners.identityId));
}

type CouponRow = { coupon: Coupon; partnerName: string; referralCode: string };

function toCouponView(row: CouponRow) {
  const { coupon } = row;
  return {
    id: coupon.id,
    code: coupon.code,
    programId: coupon.programId,
    enrollmentId: coupon.enrollmentId,
    partnerName: row.partnerName,
    referralCode: row.referralCode,
    description: coupon.description,
    status: coupon.status,
    createdAt: coupon.createdAt.toISOString(),
  };
}

export async function getCouponById(ctx: TenantContext, couponId: string) {
  const [row] = await selectCoupons(ctx).where(and(eq(coupons.orgId, ctx.orgId), eq(coupons.id, couponId)));
  if (!row) throw notFound('Coupon');
  return toCouponView(row);
}

/** Coupons of the organisation, newest first. */
export async function findCoupons(ctx: TenantContext, query: CouponsQuery) {
  const direction = query.order === 'asc' ? asc : desc;
  const rows = await selectCoupons(ctx)
    .where(
      and(
        eq(coupons.orgId, ctx.orgId),
        query.programId ? eq(coupons.programId, query.programId) : undefined,
        query.enrollmentId ? eq(coupons.enrollmentId, query.enrollmentId) : undefined,
        query.status ? eq(coupons.status, query.status) : undefined,
        query.q ? ilike(coupons.code, `%${query.q.replace(/[\\%_]/g, '\\$&')}%`) : undefined,
        afterCursor({
          sortColumn: coupons.createdAt,
          idColumn: coupons.id,
          cursor: decodeCursor(query.cursor),
          order: query.order,
          cast: 'timestamptz',
        }),
      ),
    )
    .orderBy(direction(coupons.createdAt), direction(coupons.id))
    .limit(query.limit + 1);
  return toPage(
    rows,
    query.limit,
    (row) => ({ value: row.coupon.createdAt.toISOString(), id: row.coupon.id }),
    toCouponView,
  );
}

/** A coupon code crediting an approved partner; codes are unique in the organisation, ignoring case. */
export async function createCoupon(ctx: TenantContext, input: NewCoupon) {
  const { db, clock } = ctx.services;
  const [enrollment] = await db
    .select({ id: enrollments.id, programId: enrollments.programId, status: enrollments.status })
    .from(enrollments)
    .where(and(eq(enrollments.orgId, ctx.orgId), eq(enrollments.id, input.enrollmentId)));
  if (!enrollment)
    throw new AppError('unprocessable', 'No such partner enrollment', {
      details: [{ path: 'body.enrollmentId', message: 'Unknown enrollment' }],
    });
  if (enrollment.status !== 'approved')
    throw new AppError('conflict', 'Coupons are given to approved partners only', {
      details: [{ path: 'body.enrollmentId', message: `The enrollment is ${enrollment.status}` }],
    });
  if (await findCouponByCode(ctx, db, input.code))
    throw new AppError('conflict', CODE_TAKEN, { details: [{ path: 'body.code', message: 'Already used' }] });
  const now = clock.now();
  const id = newId('coupon', now.getTime());
  try {
    await db.transaction(async (tx) => {
      await tx.insert(coupons).values({
        orgId: ctx.orgId,
        id,
        programId: enrollment.programId,
        enrollmentId: enrollment.id,
        code: input.code,
        description: input.description,
        createdAt: now,
      });
      await recordAudit(ctx, tx, {
        action: 'coupon.created',
        entityType: 'coupon',
        entityId: id,
        after: { code: input.code, enrollmentId: enrollment.id, description: input.description },
      });
    });
  } catch (error) {
    throw mapDatabaseError(error, { coupons_code_uq: CODE_TAKEN });
  }
  return getCouponById(ctx, id);
}

/** Changes a coupon's description, or disables / enables it (a disabled code credits no one). */
export async function updateCoupon(ctx: TenantContext, couponId: string, patch: CouponPatch) {
  const before = await getCouponById(ctx, couponId);
  await ctx.services.db.transaction(async (tx) => {
    await tx
      .update(coupons)
      .set(patch)
      .where(and(eq(coupons.orgId, ctx.orgId), eq(coupons.id, couponId)));
    await recordAudit(ctx, tx, {
      action: 'coupon.updated',
      entityType: 'coupon',
      entityId: couponId,
      before: Object.fromEntries(Object.keys(patch).map((key) => [key, before[key as keyof CouponPatch]])),
      after: patch,
    });
  });
  return getCouponById(ctx, couponId);
}
