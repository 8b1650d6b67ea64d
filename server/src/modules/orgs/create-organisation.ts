import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db';
import { AppError } from '../../platform/errors';
import { newId } from '../../platform/ids';
import type { Services } from '../../platform/services';
import { recordAudit } from '../audit';
import { createIdentity, findIdentityByLogin } from '../auth';
import { toOrganisationView } from './get-organisation';
import { orgMembers, orgs } from './schema';

export type CreateOrganisationInput = {
  name: string;
  slug?: string;
  currency?: string;
  locale?: string;
  timeZone?: string;
  owner: { email: string; fullName: string; password?: string | null };
  /** Who the audit log names: the new owner (signed-in person) or the system (CLI, seed). */
  createdBy?: 'owner' | 'system';
};

/** "Công ty TNHH Mỹ phẩm Hoa Sen" → "cong-ty-tnhh-my-pham-hoa-sen". */
export function slugify(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^a-z0-9\u0e00-\u0e7f]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
}

/**
 * Creates an organisation with its owner (a new or existing identity), a data key for personal data
 * at rest, and the owner's membership. A system use case: it runs before any tenant exists.
 * Given an open transaction as `executor`, it runs inside it (a savepoint).
 */
export async function createOrganisation(
  services: Services,
  input: CreateOrganisationInput,
  executor: Executor = services.db,
) {
  const name = input.name.trim();
  if (name.length < 2) {
    throw new AppError('validation_failed', 'The organisation needs a name', {
      details: [{ path: 'body.name', message: 'At least 2 characters' }],
    });
  }
  const baseSlug = slugify(input.slug ?? name) || 'org';
  return executor.transaction(async (tx) => {
    const taken = await tx
      .select({ slug: orgs.slug })
      .from(orgs)
      .where(sql`lower(${orgs.slug}) like ${`${baseSlug}%`}`);
    const takenSet = new Set(taken.map((row) => row.slug.toLowerCase()));
    let slug = baseSlug;
    for (let n = 2; takenSet.has(slug); n++) slug = `${baseSlug}-${n}`;
    const now = services.clock.now();
    const orgId = newId('org', now.getTime());
    const [org] = await tx
      .insert(orgs)
      .values({
        id: orgId,
        name,
        slug,
        currency: input.currency ?? 'VND',
        locale: input.locale ?? 'vi',
        timeZone: input.timeZone ?? 'Asia/Ho_Chi_Minh',
        dataKeyEnc: services.keys.seal(randomBytes(32).toString('base64')),
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    const owner =
      (await findIdentityByLogin(tx, { email: input.owner.email })) ??
      (await createIdentity(services, tx, {
        email: input.owner.email,
        fullName: input.owner.fullName,
        password: input.owner.password,
        locale: input.locale ?? 'vi',
      }));
    const [member] = await tx
      .insert(orgMembers)
      .values({
        orgId,
        id: newId('member', now.getTime()),
        identityId: owner.id,
        role: 'owner',
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    const ctx = {
      orgId,
      services,
      actor:
        input.createdBy === 'owner'
          ? {
              type: 'member' as const,
              id: member!.id,
              identityId: owner.id,
              role: 'owner' as const,
              label: owner.fullName,
            }
          : { type: 'system' as const, label: 'Kênh' },
    };
    await recordAudit(ctx, tx, {
      action: 'org.created',
      entityType: 'org',
      entityId: orgId,
      after: { ...toOrganisationView(org!), ownerMemberId: member!.id, ownerEmail: owner.email },
    });
    return { org: org!, owner, member: member! };
  });
}
