import { sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db';
import { newId } from '../../../platform/ids';
import type { TenantContext } from '../../../platform/services';
import { rowsOf } from './get-import';
import type { ImportState } from './import-state';
import type { ImportRow, RowError } from './validate-rows';

export type PersonResult =
  | { row: ImportRow; partnerId: string; identityChanged: boolean; errors?: undefined }
  | { row: ImportRow; errors: RowError[] };

type IdentityRow = {
  id: string;
  phone: string | null;
  email: string | null;
  full_name: string;
  has_password: boolean;
};

/**
 * Finds or creates the global identity and partner record of each row, set-based: identities match
 * on the business's partner id (through its enrollment), phone or email — in any organisation — and
 * are never duplicated. A missing phone or email is filled in; the name of an identity nobody has
 * claimed with a password follows the file.
 */
export async function resolvePeople(
  ctx: TenantContext,
  tx: Executor,
  state: ImportState,
  rows: ImportRow[],
): Promise<PersonResult[]> {
  const now = ctx.services.clock.now();
  // Every look-up below probes a unique index once per value of the batch (lateral … limit 1), so
  // its cost follows the batch, never the number of identities or enrollments already stored.
  const byExternal = new Map(
    rowsOf<{ external_id: string; identity_id: string }>(
      await tx.execute(sql`
        select x.external_id, m.identity_id
          from unnest(${sql.param(rows.flatMap((row) => (row.externalId ? [row.externalId] : [])))}::text[]) as x(external_id)
          cross join lateral (
            select p.identity_id from enrollments e join partners p on p.id = e.partner_id
             where e.org_id = ${ctx.orgId} and e.external_id = x.external_id limit 1) m`),
    ).map((row) => [row.external_id, row.identity_id]),
  );
  const columns = sql`i.id, i.phone, lower(i.email) as email, i.full_name, i.password_hash is not null as has_password`;
  const found = rowsOf<IdentityRow>(
    await tx.execute(sql`
      select m.* from unnest(${sql.param(rows.flatMap((row) => (row.phone ? [row.phone] : [])))}::text[]) as x(phone)
        cross join lateral (select ${columns} from identities i where i.phone = x.phone limit 1) m
      union
      select m.* from unnest(${sql.param(rows.flatMap((row) => (row.email ? [row.email.toLowerCase()] : [])))}::text[]) as x(email)
        cross join lateral (select ${columns} from identities i where lower(i.email) = x.email limit 1) m
      union
      select m.* from unnest(${sql.param([...new Set(byExternal.values())])}::text[]) as x(id)
        cross join lateral (select ${columns} from identities i where i.id = x.id limit 1) m`),
  );
  const byId = new Map(found.map((row) => [row.id, row]));
  const byPhone = new Map(found.filter((row) => row.phone).map((row) => [row.phone!, row.id]));
  const byEmail = new Map(found.filter((row) => row.email).map((row) => [row.email!, row.id]));

  const results: (PersonResult & { identityId?: string })[] = [];
  const created: { id: string; row: ImportRow }[] = [];
  const changed: { id: string; phone: string | null; email: string | null; fullName: string }[] = [];
  for (const row of rows) {
    const candidates = new Set(
      [
        row.externalId ? byExternal.get(row.externalId) : undefined,
        row.phone ? byPhone.get(row.phone) : undefined,
        row.email ? byEmail.get(row.email.toLowerCase()) : undefined,
      ].filter((id): id is string => Boolean(id)),
    );
    if (candidates.size > 1) {
      results.push({
        row,
        errors: [{ field: 'phone', message: 'The partner id, phone and email belong to different people' }],
      });
      continue;
    }
    const [existingId] = [...candidates];
    const identityId = existingId ?? newId('identity', now.getTime());
    const earlier = state.rowOfIdentity.get(identityId);
    if (earlier !== undefined) {
      results.push({ row, errors: [{ field: 'phone', message: `The same person as row ${earlier}` }] });
      continue;
    }
    state.rowOfIdentity.set(identityId, row.rowNumber);
    let identityChanged = false;
    const existing = existingId ? byId.get(existingId) : undefined;
    if (!existing) created.push({ id: identityId, row });
    else {
      const fillPhone = !existing.phone && row.phone ? row.phone : null;
      const fillEmail = !existing.email && row.email ? row.email : null;
      const rename = !existing.has_password && existing.full_name !== row.fullName;
      if (fillPhone || fillEmail || rename) {
        identityChanged = true;
        changed.push({
          id: identityId,
          phone: fillPhone,
          email: fillEmail,
          fullName: rename ? row.fullName : existing.full_name,
        });
      }
    }
    results.push({ row, partnerId: '', identityChanged, identityId });
  }

  const inserted = new Set(
    created.length === 0
      ? []
      : rowsOf<{ id: string }>(
          await tx.execute(sql`
            insert into identities (id, email, phone, full_name, created_at, updated_at)
            select u.id, u.email, u.phone, u.name, ${now.toISOString()}::timestamptz, ${now.toISOString()}::timestamptz
              from unnest(${sql.param(created.map((item) => item.id))}::text[],
                          ${sql.param(created.map((item) => item.row.email))}::text[],
                          ${sql.param(created.map((item) => item.row.phone))}::text[],
                          ${sql.param(created.map((item) => item.row.fullName))}::text[]) as u(id, email, phone, name)
            on conflict do nothing returning id`),
        ).map((row) => row.id),
  );
  if (changed.length > 0) {
    await tx.execute(sql`
      update identities i set phone = coalesce(i.phone, u.phone), email = coalesce(i.email, u.email),
             full_name = u.name, updated_at = ${now.toISOString()}::timestamptz
        from unnest(${sql.param(changed.map((item) => item.id))}::text[],
                    ${sql.param(changed.map((item) => item.phone))}::text[],
                    ${sql.param(changed.map((item) => item.email))}::text[],
                    ${sql.param(changed.map((item) => item.fullName))}::text[]) as u(id, phone, email, name)
       where i.id = u.id`);
  }
  // Partners for the identities that exist: found above or inserted now (one that another request
  // registered at the same moment was not inserted, and is reported below).
  const identityIds = results.flatMap((result) =>
    'identityId' in result &&
    result.identityId &&
    (byId.has(result.identityId) || inserted.has(result.identityId))
      ? [result.identityId]
      : [],
  );
  if (identityIds.length > 0) {
    await tx.execute(sql`
      insert into partners (id, identity_id, created_at)
      select u.pid, u.iid, ${now.toISOString()}::timestamptz
        from unnest(${sql.param(identityIds.map(() => newId('partner', now.getTime())))}::text[],
                    ${sql.param(identityIds)}::text[]) as u(pid, iid)
      on conflict (identity_id) do nothing`);
  }
  const partnerOfIdentity = new Map(
    rowsOf<{ id: string; identity_id: string }>(
      await tx.execute(sql`
        select p.id, x.identity_id from unnest(${sql.param(identityIds)}::text[]) as x(identity_id)
          cross join lateral (select id from partners where identity_id = x.identity_id limit 1) p`),
    ).map((row) => [row.identity_id, row.id]),
  );
  const createdIds = new Set(created.map((item) => item.id));
  return results.map((result) => {
    if (result.errors || !result.identityId) return result;
    const partnerId = partnerOfIdentity.get(result.identityId);
    if (!partnerId || (createdIds.has(result.identityId) && !inserted.has(result.identityId))) {
      return {
        row: result.row,
        errors: [
          { field: 'phone', message: 'This phone or email was registered at the same moment; import again' },
        ],
      };
    }
    return { row: result.row, partnerId, identityChanged: result.identityChanged };
  });
}
