import { and, desc, eq, isNull, lt, type SQL } from 'drizzle-orm';
import { randomToken } from '../../platform/crypto';
import type { Executor } from '../../platform/db';
import { AppError } from '../../platform/errors';
import { decodeCursor, encodeCursor, type PageQuery } from '../../platform/http/paging';
import { newId } from '../../platform/ids';
import type { TenantContext } from '../../platform/services';
import { recordAudit } from '../audit';
import { sendMail } from '../mail';
import { getProgramById, type Program } from './get-program';
import { joinUrlOf } from './program-view';
import { programInvitations } from './schema';

export const INVITATION_DAYS = 14;
type InvitationRow = typeof programInvitations.$inferSelect;

export function inviteUrlOf(appUrl: string, program: Program, token: string): string {
  return `${joinUrlOf(appUrl, program.pageCode)}?invite=${encodeURIComponent(token)}`;
}

function toInvitationView(row: InvitationRow, now: Date) {
  const expired = row.expiresAt !== null && row.expiresAt <= now;
  const state = row.revokedAt ? 'revoked' : row.acceptedAt ? 'accepted' : expired ? 'expired' : 'pending';
  return {
    id: row.id,
    programId: row.programId,
    kind: row.kind,
    email: row.email,
    phone: row.phone,
    fullName: row.fullName,
    state,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    acceptedAt: row.acceptedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  } as const;
}

/**
 * Invites one person to a program: a single-use link valid 14 days, mailed when an email is given
 * and returned once in the answer (to share by Zalo or SMS). The token is stored only as a hash.
 */
export async function createProgramInvitation(
  ctx: TenantContext,
  programId: string,
  input: { email?: string; phone?: string; fullName?: string },
) {
  const { db, clock, keys, config } = ctx.services;
  return db.transaction(async (tx) => {
    const program = await getProgramById(ctx, tx, programId);
    if (program.status === 'archived') throw new AppError('conflict', 'This program is archived');
    const now = clock.now();
    const token = randomToken();
    const [row] = await tx
      .insert(programInvitations)
      .values({
        orgId: ctx.orgId,
        id: newId('programInvitation', now.getTime()),
        programId,
        kind: 'personal',
        email: input.email ?? null,
        phone: input.phone ?? null,
        fullName: input.fullName ?? null,
        tokenHash: keys.hashToken(token),
        expiresAt: new Date(now.getTime() + INVITATION_DAYS * 24 * 60 * 60_000),
        createdBy: ctx.actor.type === 'system' ? null : ctx.actor.id,
        createdAt: now,
      })
      .returning();
    const link = inviteUrlOf(config.appUrl, program, token);
    if (input.email) {
      await sendMail(ctx.services, tx, {
        to: input.email,
        template: 'program_invitation',
        locale: 'vi',
        vars: { name: input.fullName ?? '', programName: program.name, inviterName: ctx.actor.label, link },
        orgId: ctx.orgId,
      });
    }
    const view = toInvitationView(row!, now);
    await recordAudit(ctx, tx, {
      action: 'program_invitation.created',
      entityType: 'program_invitation',
      entityId: view.id,
      after: { programId, email: view.email, phone: view.phone, fullName: view.fullName },
    });
    return { ...view, link, mailed: Boolean(input.email) };
  });
}

/** The program's invitations, newest first. */
export async function findProgramInvitations(ctx: TenantContext, programId: string, query: PageQuery) {
  await getProgramById(ctx, ctx.services.db, programId);
  const cursor = decodeCursor(query.cursor);
  const conditions: (SQL | undefined)[] = [
    eq(programInvitations.orgId, ctx.orgId),
    eq(programInvitations.programId, programId),
    eq(programInvitations.kind, 'personal'),
    cursor ? lt(programInvitations.id, cursor.id) : undefined,
  ];
  const rows = await ctx.services.db
    .select()
    .from(programInvitations)
    .where(and(...conditions))
    .orderBy(desc(programInvitations.id))
    .limit(query.limit + 1);
  const now = ctx.services.clock.now();
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map((row) => toInvitationView(row, now)),
    nextCursor: rows.length > query.limit && last ? encodeCursor({ value: last.id, id: last.id }) : null,
  };
}

/**
 * The usable invitation of a program with this token: not revoked, not expired, and for a personal
 * invitation not yet accepted. Undefined otherwise.
 */
export async function findUsableInvitation(
  ctx: TenantContext,
  executor: Executor,
  programId: string,
  token: string,
) {
  const [row] = await executor
    .select()
    .from(programInvitations)
    .where(
      and(
        eq(programInvitations.orgId, ctx.orgId),
        eq(programInvitations.programId, programId),
        eq(programInvitations.tokenHash, ctx.services.keys.hashToken(token)),
      ),
    );
  const now = ctx.services.clock.now();
  if (!row || row.revokedAt || (row.expiresAt && row.expiresAt <= now)) return undefined;
  if (row.kind === 'personal' && row.acceptedAt) return undefined;
  return row;
}

/** Marks a personal invitation used (single use: a second acceptance finds nothing to update). */
export async function markInvitationAccepted(
  ctx: TenantContext,
  executor: Executor,
  invitation: InvitationRow,
  enrollmentId: string,
): Promise<boolean> {
  if (invitation.kind === 'link') return true;
  const updated = await executor
    .update(programInvitations)
    .set({ acceptedAt: ctx.services.clock.now(), acceptedEnrollmentId: enrollmentId })
    .where(
      and(
        eq(programInvitations.orgId, ctx.orgId),
        eq(programInvitations.id, invitation.id),
        isNull(programInvitations.acceptedAt),
      ),
    )
    .returning({ id: programInvitations.id });
  return updated.length === 1;
}
