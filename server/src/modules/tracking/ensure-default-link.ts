import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../platform/db';
import { AppError } from '../../platform/errors';
import { newId } from '../../platform/ids';
import type { TenantContext } from '../../platform/services';
import { joinUrlOf, programs } from '../programs';
import { generateLinkCode } from './link-code';
import type { Link } from './link-view';
import { links } from './schema';

/** What a default link needs to know of an enrollment. */
export type EnrollmentForLink = { id: string; programId: string; referralCode: string };

/** The join page with the partner's code: where a default link goes when the program sets no destination. */
function joinDestination(appUrl: string, pageCode: string, referralCode: string) {
  return `${joinUrlOf(appUrl, pageCode)}?ref=${encodeURIComponent(referralCode)}`;
}

async function programsOf(ctx: TenantContext, executor: Executor, programIds: string[]) {
  const rows = await executor
    .select({ id: programs.id, pageCode: programs.pageCode, destinationUrl: programs.destinationUrl })
    .from(programs)
    .where(and(eq(programs.orgId, ctx.orgId), inArray(programs.id, programIds)));
  return new Map(rows.map((row) => [row.id, row]));
}

async function findDefaultLink(ctx: TenantContext, executor: Executor, enrollmentId: string) {
  const [link] = await executor
    .select()
    .from(links)
    .where(and(eq(links.orgId, ctx.orgId), eq(links.enrollmentId, enrollmentId), eq(links.isDefault, true)));
  return link;
}

/**
 * The enrollment's default link, created when missing. Called in the transaction that approves an
 * enrollment, and lazily for enrollments approved before links existed. Codes are drawn at random
 * and drawn again on a collision.
 */
export async function ensureDefaultLink(
  ctx: TenantContext,
  executor: Executor,
  enrollment: EnrollmentForLink,
): Promise<Link> {
  const existing = await findDefaultLink(ctx, executor, enrollment.id);
  if (existing) return existing;
  const program = (await programsOf(ctx, executor, [enrollment.programId])).get(enrollment.programId);
  if (!program) throw new AppError('not_found', 'Program not found');
  const now = ctx.services.clock.now();
  const destinationUrl =
    program.destinationUrl ??
    joinDestination(ctx.services.config.appUrl, program.pageCode, enrollment.referralCode);
  for (let attempt = 0; attempt < 8; attempt++) {
    const [link] = await executor
      .insert(links)
      .values({
        orgId: ctx.orgId,
        id: newId('link', now.getTime()),
        programId: enrollment.programId,
        enrollmentId: enrollment.id,
        code: generateLinkCode(),
        destinationUrl,
        isDefault: true,
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoNothing()
      .returning();
    if (link) return link;
    // a concurrent approval made it first, or the code was taken: look, then draw another code
    const made = await findDefaultLink(ctx, executor, enrollment.id);
    if (made) return made;
  }
  throw new AppError('unavailable', 'Could not find a free link code; try again');
}

/** Default links for many enrollments at once (imports): one insert, then one by one for collisions. */
export async function ensureDefaultLinks(
  ctx: TenantContext,
  executor: Executor,
  enrollments: readonly EnrollmentForLink[],
): Promise<void> {
  if (enrollments.length === 0) return;
  const byProgram = await programsOf(ctx, executor, [...new Set(enrollments.map((item) => item.programId))]);
  const now = ctx.services.clock.now();
  for (let start = 0; start < enrollments.length; start += 1000) {
    const batch = enrollments.slice(start, start + 1000);
    const inserted = await executor
      .insert(links)
      .values(
        batch.map((enrollment) => {
          const program = byProgram.get(enrollment.programId);
          if (!program) throw new AppError('not_found', 'Program not found');
          return {
            orgId: ctx.orgId,
            id: newId('link', now.getTime()),
            programId: enrollment.programId,
            enrollmentId: enrollment.id,
            code: generateLinkCode(),
            destinationUrl:
              program.destinationUrl ??
              joinDestination(ctx.services.config.appUrl, program.pageCode, enrollment.referralCode),
            isDefault: true,
            createdAt: now,
            updatedAt: now,
          };
        }),
      )
      .onConflictDoNothing()
      .returning({ enrollmentId: links.enrollmentId });
    if (inserted.length === batch.length) continue;
    const done = new Set(inserted.map((row) => row.enrollmentId));
    for (const enrollment of batch)
      if (!done.has(enrollment.id)) await ensureDefaultLink(ctx, executor, enrollment);
  }
}
