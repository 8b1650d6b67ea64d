import { and, eq } from 'drizzle-orm';
import { AppError } from '../../platform/errors';
import type { TenantContext } from '../../platform/services';
import { recordAudit } from '../audit';
import { getProgramById } from './get-program';
import { toProgramView } from './program-view';
import { type PROGRAM_STATUSES, programs } from './schema';

type ProgramStatus = (typeof PROGRAM_STATUSES)[number];

/** Allowed moves: draft → active ⇄ paused; anything but archived → archived (final). */
const NEXT: Record<ProgramStatus, readonly ProgramStatus[]> = {
  draft: ['active', 'archived'],
  active: ['paused', 'archived'],
  paused: ['active', 'archived'],
  archived: [],
};

export function canMoveProgram(from: ProgramStatus, to: ProgramStatus): boolean {
  return NEXT[from].includes(to);
}

/** Publishes, pauses, resumes or archives a program. Only active programs take sign-ups. */
export async function changeProgramStatus(ctx: TenantContext, programId: string, status: ProgramStatus) {
  const { db, clock, config } = ctx.services;
  return db.transaction(async (tx) => {
    const before = await getProgramById(ctx, tx, programId);
    if (before.status === status) return toProgramView(before, config.appUrl);
    if (!canMoveProgram(before.status, status)) {
      throw new AppError('conflict', `A ${before.status} program cannot become ${status}`, {
        details: [{ path: 'body.status', message: `Allowed: ${NEXT[before.status].join(', ') || 'none'}` }],
      });
    }
    const [after] = await tx
      .update(programs)
      .set({ status, updatedAt: clock.now() })
      .where(and(eq(programs.orgId, ctx.orgId), eq(programs.id, programId)))
      .returning();
    await recordAudit(ctx, tx, {
      action: 'program.status_changed',
      entityType: 'program',
      entityId: programId,
      before: { status: before.status },
      after: { status },
    });
    return toProgramView(after!, config.appUrl);
  });
}
