import { and, eq } from 'drizzle-orm';
import { AppError, mapDatabaseError } from '../../platform/errors';
import type { TenantContext } from '../../platform/services';
import { recordAudit } from '../audit';
import { freeSlug, PROGRAM_CONSTRAINTS, SLUG_TAKEN } from './create-program';
import { getProgramById } from './get-program';
import { toProgramView } from './program-view';
import { type JoinFormField, programs } from './schema';
import type { ProgramPatch } from './schemas';
import { hostAllowed } from './tracking-settings';

/** The stored settings after a patch must still keep destination and fallback on allowed domains. */
function assertTrackingSettings(settings: {
  destinationUrl: string | null;
  allowedDomains: string[];
  fallbackUrl: string | null;
}) {
  const domains = settings.allowedDomains;
  if (domains.length === 0) return;
  const details = (['destinationUrl', 'fallbackUrl'] as const)
    .filter((key) => settings[key] && !hostAllowed(new URL(settings[key]!).hostname, domains))
    .map((key) => ({ path: `body.${key}`, message: `Must be on an allowed domain (${domains.join(', ')})` }));
  if (details.length > 0)
    throw new AppError('validation_failed', 'Destination and fallback pages must be on an allowed domain', {
      details,
    });
}

/**
 * Changes a program's settings. An archived program is read-only; its currency can change only
 * while it is a draft (amounts already earned are in the old currency).
 */
export async function updateProgram(ctx: TenantContext, programId: string, patch: ProgramPatch) {
  const { db, clock, config } = ctx.services;
  try {
    return await db.transaction(async (tx) => {
      const before = await getProgramById(ctx, tx, programId);
      if (before.status === 'archived')
        throw new AppError('conflict', 'An archived program cannot be changed');
      if (patch.currency && patch.currency !== before.currency && before.status !== 'draft') {
        throw new AppError('conflict', 'The currency can only change while the program is a draft', {
          details: [{ path: 'body.currency', message: 'Program already published' }],
        });
      }
      if (patch.slug && patch.slug !== before.slug) {
        if ((await freeSlug(ctx, tx, patch.slug, programId)) !== patch.slug) {
          throw new AppError('conflict', SLUG_TAKEN, {
            details: [{ path: 'body.slug', message: 'Already used' }],
          });
        }
      }
      assertTrackingSettings({
        destinationUrl: patch.destinationUrl === undefined ? before.destinationUrl : patch.destinationUrl,
        allowedDomains: patch.allowedDomains ?? before.allowedDomains,
        fallbackUrl: patch.fallbackUrl === undefined ? before.fallbackUrl : patch.fallbackUrl,
      });
      const { minPayout, joinForm, ...rest } = patch;
      const [after] = await tx
        .update(programs)
        .set({
          ...rest,
          ...(joinForm === undefined ? {} : { joinForm: joinForm as JoinFormField[] }),
          ...(minPayout === undefined ? {} : { minPayoutMinor: BigInt(minPayout) }),
          updatedAt: clock.now(),
        })
        .where(and(eq(programs.orgId, ctx.orgId), eq(programs.id, programId)))
        .returning();
      const beforeView = toProgramView(before, config.appUrl);
      const afterView = toProgramView(after!, config.appUrl);
      const changed = Object.keys(patch) as (keyof ProgramPatch)[];
      await recordAudit(ctx, tx, {
        action: 'program.updated',
        entityType: 'program',
        entityId: programId,
        before: Object.fromEntries(changed.map((key) => [key, beforeView[key]])),
        after: Object.fromEntries(changed.map((key) => [key, afterView[key]])),
      });
      return afterView;
    });
  } catch (error) {
    throw mapDatabaseError(error, PROGRAM_CONSTRAINTS);
  }
}
