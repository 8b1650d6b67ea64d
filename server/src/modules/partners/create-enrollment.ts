import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db';
import { AppError, conflict, notFound } from '../../platform/errors';
import { newId } from '../../platform/ids';
import type { TenantContext } from '../../platform/services';
import { getProgramById } from '../programs';
import { ensureDefaultLink } from '../tracking';
import { generateReferralCode, normaliseReferralCode } from './referral-code';
import { type EnrollmentStatus, enrollmentEvents, enrollments } from './schema-enrollments';
import { findUplineChain } from './upline';

export type Enrollment = typeof enrollments.$inferSelect;

export type CreateEnrollmentInput = {
  programId: string;
  partnerId: string;
  /** Used to generate a readable referral code when none is given. */
  fullName: string;
  source: Enrollment['source'];
  status: EnrollmentStatus;
  statusReason?: string | null;
  referralCode?: string | null;
  /** The recruiter, by referral code (case-insensitive). */
  uplineReferralCode?: string | null;
  externalId?: string | null;
  groupId?: string | null;
  careMemberId?: string | null;
};

/** The enrollment owning a referral code in the organisation, ignoring case. */
export async function findEnrollmentByReferralCode(ctx: TenantContext, executor: Executor, code: string) {
  const [row] = await executor
    .select()
    .from(enrollments)
    .where(
      and(
        eq(enrollments.orgId, ctx.orgId),
        sql`upper(${enrollments.referralCode}) = ${code.trim().toUpperCase()}`,
      ),
    );
  return row;
}

/**
 * Enrolls a partner in a program: checks the upline (exists in the organisation, not the partner
 * themself, chain within the program's maximum depth), gives a unique referral code, records the
 * 'joined' event. One enrollment per partner and program (409 otherwise).
 */
export async function createEnrollment(ctx: TenantContext, executor: Executor, input: CreateEnrollmentInput) {
  const program = await getProgramById(ctx, executor, input.programId);
  const now = ctx.services.clock.now();

  let uplineEnrollmentId: string | null = null;
  if (input.uplineReferralCode) {
    const upline = await findEnrollmentByReferralCode(ctx, executor, input.uplineReferralCode);
    if (!upline) {
      throw new AppError('validation_failed', 'No partner has this referral code', {
        details: [{ path: 'body.uplineReferralCode', message: 'Unknown referral code' }],
      });
    }
    if (upline.partnerId === input.partnerId) {
      throw new AppError('validation_failed', 'A partner cannot be their own upline', {
        details: [{ path: 'body.uplineReferralCode', message: 'This is your own code' }],
      });
    }
    const chain = await findUplineChain(executor, ctx.orgId, upline.id);
    if (chain.length + 1 > program.maxUplineDepth) {
      throw new AppError(
        'validation_failed',
        `The upline chain would be deeper than ${program.maxUplineDepth} levels`,
        {
          details: [{ path: 'body.uplineReferralCode', message: 'Upline chain too deep' }],
        },
      );
    }
    uplineEnrollmentId = upline.id;
  }

  const [existing] = await executor
    .select({ id: enrollments.id })
    .from(enrollments)
    .where(
      and(
        eq(enrollments.orgId, ctx.orgId),
        eq(enrollments.programId, program.id),
        eq(enrollments.partnerId, input.partnerId),
      ),
    );
  if (existing) throw conflict('This partner is already enrolled in this program');

  const id = newId('enrollment', now.getTime());
  const givenCode = input.referralCode ? normaliseReferralCode(input.referralCode) : undefined;
  for (let attempt = 0; ; attempt++) {
    const referralCode = givenCode ?? generateReferralCode(input.fullName, attempt < 5 ? 3 : 5);
    const inserted = await executor
      .insert(enrollments)
      .values({
        orgId: ctx.orgId,
        id,
        programId: program.id,
        partnerId: input.partnerId,
        status: input.status,
        statusReason: input.statusReason ?? null,
        statusChangedAt: now,
        referralCode,
        groupId: input.groupId ?? null,
        careMemberId: input.careMemberId ?? null,
        uplineEnrollmentId,
        source: input.source,
        externalId: input.externalId ?? null,
        joinedAt: now,
        approvedAt: input.status === 'approved' ? now : null,
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoNothing()
      .returning();
    if (inserted[0]) {
      await recordEnrollmentEvent(ctx, executor, {
        enrollmentId: id,
        type: 'joined',
        toValue: input.status,
        reason: input.statusReason,
      });
      if (input.status === 'approved') await ensureDefaultLink(ctx, executor, inserted[0]);
      return inserted[0];
    }
    if (givenCode)
      throw conflict('This referral code is taken', [
        { path: 'body.referralCode', message: 'Choose another code' },
      ]);
    if (input.externalId) {
      const [byExternal] = await executor
        .select({ id: enrollments.id })
        .from(enrollments)
        .where(and(eq(enrollments.orgId, ctx.orgId), eq(enrollments.externalId, input.externalId)));
      if (byExternal)
        throw conflict('Another partner has this partner id', [
          { path: 'body.externalId', message: 'Already used' },
        ]);
    }
    if (attempt > 10) throw notFound('A free referral code');
  }
}

export type EnrollmentEventInput = {
  enrollmentId: string;
  type: (typeof enrollmentEvents.$inferInsert)['type'];
  fromValue?: string | null;
  toValue?: string | null;
  reason?: string | null;
};

/** Appends one event to an enrollment's history, naming who acted. */
export async function recordEnrollmentEvent(
  ctx: TenantContext,
  executor: Executor,
  event: EnrollmentEventInput,
) {
  await recordEnrollmentEvents(ctx, executor, [event]);
}

/** Appends events to enrollments' histories in one statement (bulk changes), in 1,000-row batches. */
export async function recordEnrollmentEvents(
  ctx: TenantContext,
  executor: Executor,
  events: readonly EnrollmentEventInput[],
) {
  const actor = ctx.actor;
  const now = ctx.services.clock.now();
  for (let start = 0; start < events.length; start += 1000) {
    await executor.insert(enrollmentEvents).values(
      events.slice(start, start + 1000).map((event) => ({
        orgId: ctx.orgId,
        id: newId('enrollmentEvent', now.getTime()),
        enrollmentId: event.enrollmentId,
        type: event.type,
        fromValue: event.fromValue ?? null,
        toValue: event.toValue ?? null,
        reason: event.reason ?? null,
        actorType: actor.type,
        actorId: actor.type === 'system' ? null : actor.id,
        actorLabel: actor.label,
        createdAt: now,
      })),
    );
  }
}
