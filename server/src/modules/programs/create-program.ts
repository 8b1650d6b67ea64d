import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db';
import { AppError, mapDatabaseError } from '../../platform/errors';
import { newId } from '../../platform/ids';
import type { TenantContext } from '../../platform/services';
import { recordAudit } from '../audit';
import { orgs, slugify } from '../orgs';
import { generatePageCode } from './page-code';
import { toProgramView } from './program-view';
import { type JoinFormField, programs } from './schema';
import { DEFAULT_JOIN_FORM, type NewProgram } from './schemas';

export const SLUG_TAKEN = 'Another program of the organisation has this slug';
export const PROGRAM_CONSTRAINTS = { programs_org_slug_uq: SLUG_TAKEN };

/** A slug free in the organisation: the wanted one, or the name's with -2, -3… appended. */
export async function freeSlug(ctx: TenantContext, executor: Executor, wanted: string, exceptId?: string) {
  const base = slugify(wanted) || 'program';
  const taken = await executor
    .select({ id: programs.id, slug: programs.slug })
    .from(programs)
    .where(and(eq(programs.orgId, ctx.orgId), sql`lower(${programs.slug}) like ${`${base}%`}`));
  const set = new Set(taken.filter((row) => row.id !== exceptId).map((row) => row.slug.toLowerCase()));
  let slug = base;
  for (let n = 2; set.has(slug); n++) slug = `${base}-${n}`;
  return slug;
}

/**
 * Creates a program in draft: slug from the name unless given (an explicit slug must be free),
 * the organisation's currency unless given, a unique short page code for its join page.
 */
export async function createProgram(ctx: TenantContext, input: NewProgram) {
  const { db, clock, config } = ctx.services;
  try {
    return await db.transaction(async (tx) => {
      const [org] = await tx.select({ currency: orgs.currency }).from(orgs).where(eq(orgs.id, ctx.orgId));
      const slug = await freeSlug(ctx, tx, input.slug ?? input.name);
      if (input.slug && slug !== input.slug) {
        throw new AppError('conflict', SLUG_TAKEN, {
          details: [{ path: 'body.slug', message: 'Already used' }],
        });
      }
      const now = clock.now();
      const id = newId('program', now.getTime());
      for (let attempt = 0; attempt < 8; attempt++) {
        const [program] = await tx
          .insert(programs)
          .values({
            orgId: ctx.orgId,
            id,
            name: input.name,
            slug,
            pageCode: generatePageCode(),
            currency: input.currency ?? org?.currency ?? 'VND',
            description: input.description,
            terms: input.terms,
            joinMode: input.joinMode,
            status: 'draft',
            cookieDays: input.cookieDays,
            holdDays: input.holdDays,
            minPayoutMinor: BigInt(input.minPayout),
            maxUplineDepth: input.maxUplineDepth,
            joinForm: (input.joinForm ?? DEFAULT_JOIN_FORM.map((field) => ({ ...field }))) as JoinFormField[],
            autoApprove: input.autoApprove,
            destinationUrl: input.destinationUrl,
            allowedDomains: input.allowedDomains,
            fallbackUrl: input.fallbackUrl,
            attributionModel: input.attributionModel,
            customerOwnershipDays: input.customerOwnershipDays,
            confirmAlertHours: input.confirmAlertHours,
            codAlertDays: input.codAlertDays,
            createdAt: now,
            updatedAt: now,
          })
          .onConflictDoNothing()
          .returning();
        if (!program) {
          // the page code was taken (draw another), unless a concurrent request took the slug
          if ((await freeSlug(ctx, tx, slug)) !== slug) throw new AppError('conflict', SLUG_TAKEN);
          continue;
        }
        const view = toProgramView(program, config.appUrl);
        await recordAudit(ctx, tx, {
          action: 'program.created',
          entityType: 'program',
          entityId: id,
          after: view,
        });
        return view;
      }
      throw new AppError('unavailable', 'Could not find a free page code; try again');
    });
  } catch (error) {
    throw mapDatabaseError(error, PROGRAM_CONSTRAINTS);
  }
}
