import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db';
import { AppError } from '../../platform/errors';
import type { TenantContext } from '../../platform/services';
import { recordAudit } from '../audit';
import { findEnrollmentByReferralCode, recordEnrollmentEvent } from './create-enrollment';
import { getEnrollmentById } from './get-enrollment';
import { enrollments } from './schema-enrollments';
import { findUplineChain } from './upline';

const PATH = 'body.uplineReferralCode';

function refuse(
  message: string,
  detail: string,
  code: 'unprocessable' | 'validation_failed' = 'unprocessable',
) {
  return new AppError(code, message, { details: [{ path: PATH, message: detail }] });
}

/**
 * Moves an enrollment (with its whole downline) under another upline, or to the top (null).
 * Refuses cycles (the new upline may not sit in the moved enrollment's downline) and any chain in
 * the moved subtree deeper than its program's maximum. Moves in an organisation are serialised so
 * two concurrent moves cannot build a cycle between them. Keeps an 'upline_changed' event.
 */
export async function moveUpline(
  ctx: TenantContext,
  enrollmentId: string,
  input: { uplineReferralCode: string | null; reason: string },
) {
  return ctx.services.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`kenh:upline:${ctx.orgId}`}))`);
    const before = await getEnrollmentById(ctx, tx, enrollmentId, { forUpdate: true });
    let uplineId: string | null = null;
    let chainAbove = 0;
    if (input.uplineReferralCode) {
      const upline = await findEnrollmentByReferralCode(ctx, tx, input.uplineReferralCode);
      if (!upline)
        throw refuse('No partner has this referral code', 'Unknown referral code', 'validation_failed');
      if (upline.partnerId === before.partnerId) {
        throw refuse('A partner cannot be their own upline', 'This is the partner’s own code');
      }
      const chain = await findUplineChain(tx, ctx.orgId, upline.id);
      if (chain.some((link) => link.enrollmentId === enrollmentId)) {
        throw refuse('This partner is in the downline of the one being moved', 'Would make a cycle');
      }
      uplineId = upline.id;
      chainAbove = chain.length + 1;
    }
    if (uplineId === before.uplineEnrollmentId) {
      throw refuse('The partner already has this upline', 'Same as the current upline');
    }
    // moving up or sideways at the same depth never makes a chain deeper than it already is
    const currentAbove = (await findUplineChain(tx, ctx.orgId, enrollmentId)).length;
    const tooDeep =
      chainAbove > currentAbove ? await findTooDeep(tx, ctx.orgId, enrollmentId, chainAbove) : undefined;
    if (tooDeep) {
      throw refuse(
        `The upline chain would be deeper than ${tooDeep.maxDepth} levels` +
          (tooDeep.id === enrollmentId ? '' : ` for a partner ${tooDeep.depth} level(s) below`),
        'Upline chain too deep',
      );
    }
    const reason = input.reason.trim();
    const [after] = await tx
      .update(enrollments)
      .set({ uplineEnrollmentId: uplineId, updatedAt: ctx.services.clock.now() })
      .where(and(eq(enrollments.orgId, ctx.orgId), eq(enrollments.id, enrollmentId)))
      .returning();
    await recordEnrollmentEvent(ctx, tx, {
      enrollmentId,
      type: 'upline_changed',
      fromValue: before.uplineEnrollmentId,
      toValue: uplineId,
      reason,
    });
    await recordAudit(ctx, tx, {
      action: 'enrollment.upline_changed',
      entityType: 'enrollment',
      entityId: enrollmentId,
      before: { uplineEnrollmentId: before.uplineEnrollmentId },
      after: { uplineEnrollmentId: uplineId, reason },
    });
    return after!;
  });
}

/**
 * The shallowest member of the subtree rooted at `enrollmentId` whose chain would exceed its
 * program's maximum depth if the root had `chainAbove` uplines.
 */
async function findTooDeep(executor: Executor, orgId: string, enrollmentId: string, chainAbove: number) {
  const result = await executor.execute(sql`
    with recursive subtree(id, program_id, depth) as (
      select e.id, e.program_id, 0 from enrollments e where e.org_id = ${orgId} and e.id = ${enrollmentId}
      union all
      select e.id, e.program_id, s.depth + 1
        from enrollments e join subtree s on e.org_id = ${orgId} and e.upline_enrollment_id = s.id
       where s.depth < 50
    )
    select s.id, s.depth, p.max_upline_depth
      from subtree s join programs p on p.org_id = ${orgId} and p.id = s.program_id
     where ${chainAbove}::int + s.depth > p.max_upline_depth
     order by s.depth limit 1`);
  const [row] = (result as unknown as { rows: { id: string; depth: number; max_upline_depth: number }[] })
    .rows;
  return row ? { id: row.id, depth: Number(row.depth), maxDepth: Number(row.max_upline_depth) } : undefined;
}
