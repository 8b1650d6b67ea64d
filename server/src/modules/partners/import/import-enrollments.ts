import { sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db';
import { newId } from '../../../platform/ids';
import type { TenantContext } from '../../../platform/services';
import { ensureDefaultLinks } from '../../tracking';
import { generateReferralCode } from '../referral-code';
import { rowsOf } from './get-import';
import type { PersonResult } from './import-identities';
import { chainOf, type ImportState } from './import-state';
import type { RowError } from './validate-rows';

export type RowOutcome = {
  rowNumber: number;
  outcome: 'created' | 'updated' | 'unchanged' | 'error';
  enrollmentId: string | null;
  errors: RowError[] | null;
};

type Existing = {
  id: string;
  partner_id: string;
  group_id: string | null;
  upline: string | null;
  external_id: string | null;
  code: string;
};
type Planned = {
  rowNumber: number;
  id: string;
  partnerId: string;
  code: string;
  groupId: string | null;
  uplineId: string | null;
  externalId: string | null;
  isNew: boolean;
  changed: boolean;
  tagIds: string[];
  province: string | null;
  events: { type: string; from: string | null; to: string | null }[];
};

/** Finds or creates groups or tags by name (case-insensitive) and keeps the state's map current. */
async function ensureNamed(
  ctx: TenantContext,
  tx: Executor,
  table: 'partner_groups' | 'partner_tags',
  names: string[],
  map: Map<string, string>,
  now: string,
) {
  const missing = [
    ...new Map(
      names.filter((name) => !map.has(name.toLowerCase())).map((name) => [name.toLowerCase(), name]),
    ).values(),
  ];
  if (missing.length === 0) return;
  const kind = table === 'partner_groups' ? 'partnerGroup' : 'partnerTag';
  const extra = table === 'partner_groups' ? sql`, updated_at` : sql``;
  const extraValue = table === 'partner_groups' ? sql`, ${now}::timestamptz` : sql``;
  await tx.execute(sql`
    insert into ${sql.identifier(table)} (org_id, id, name, created_at${extra})
    select ${ctx.orgId}, u.id, u.name, ${now}::timestamptz${extraValue}
      from unnest(${sql.param(missing.map(() => newId(kind)))}::text[], ${sql.param(missing)}::text[]) as u(id, name)
    on conflict do nothing`);
  const rows = rowsOf<{ id: string; name: string }>(
    await tx.execute(sql`select id, lower(name) as name from ${sql.identifier(table)}
      where org_id = ${ctx.orgId} and lower(name) = any(${sql.param(missing.map((name) => name.toLowerCase()))}::text[])`),
  );
  for (const row of rows) map.set(row.name, row.id);
}

/** Decides, per row, the enrollment to create or the fields to change, checking upline rules. */
function plan(
  state: ImportState,
  person: Extract<PersonResult, { partnerId: string }>,
  existing: Existing | undefined,
): Planned | RowError[] {
  const { row } = person;
  let uplineId = existing?.upline ?? null;
  const id = existing?.id ?? newId('enrollment');
  if (row.uplineCode) {
    const upline = state.codes.get(row.uplineCode);
    if (!upline)
      return [{ field: 'uplineReferralCode', message: `No partner has the referral code ${row.uplineCode}` }];
    if (state.partnerOf.get(upline) === person.partnerId)
      return [{ field: 'uplineReferralCode', message: 'A partner cannot be their own upline' }];
    const chain = chainOf(state, upline, existing?.id);
    if (chain.containsNeedle)
      return [{ field: 'uplineReferralCode', message: 'This upline is in the partner’s own downline' }];
    if (chain.depth + 1 > state.program.maxUplineDepth) {
      return [
        {
          field: 'uplineReferralCode',
          message: `The upline chain would be deeper than ${state.program.maxUplineDepth} levels`,
        },
      ];
    }
    uplineId = upline;
  }
  let code = existing?.code ?? '';
  if (row.referralCode) {
    const holder = state.codes.get(row.referralCode);
    if (holder && holder !== id)
      return [
        {
          field: 'referralCode',
          message: `The referral code ${row.referralCode} belongs to another partner`,
        },
      ];
    code = row.referralCode;
  } else if (!existing) {
    for (let attempt = 0; !code || state.codes.has(code.toUpperCase()); attempt++)
      code = generateReferralCode(row.fullName, attempt < 5 ? 3 : 5);
  }
  const holder = row.externalId ? state.externalIds.get(row.externalId) : undefined;
  const externalId =
    row.externalId && (!holder || holder === id) ? row.externalId : (existing?.external_id ?? null);
  const groupId = row.groupName
    ? state.groups.get(row.groupName.toLowerCase())!
    : (existing?.group_id ?? null);
  const events: Planned['events'] = [];
  if (existing) {
    if (existing.upline !== uplineId)
      events.push({ type: 'upline_changed', from: existing.upline, to: uplineId });
    if (existing.group_id !== groupId)
      events.push({ type: 'group_changed', from: existing.group_id, to: groupId });
    if (existing.code.toUpperCase() !== code.toUpperCase())
      events.push({ type: 'code_changed', from: existing.code, to: code });
  } else events.push({ type: 'imported', from: null, to: 'approved' });
  const changed = Boolean(existing) && (events.length > 0 || existing!.external_id !== externalId);
  if (existing && existing.code.toUpperCase() !== code.toUpperCase())
    state.codes.delete(existing.code.toUpperCase());
  state.codes.set(code.toUpperCase(), id);
  state.uplineOf.set(id, uplineId);
  state.partnerOf.set(id, person.partnerId);
  if (externalId) state.externalIds.set(externalId, id);
  const tagIds = row.tags.map((tag) => state.tags.get(tag.toLowerCase())!);
  return {
    rowNumber: row.rowNumber,
    id,
    partnerId: person.partnerId,
    code,
    groupId,
    uplineId,
    externalId,
    isNew: !existing,
    changed,
    tagIds,
    province: row.province,
    events,
  };
}

/**
 * Creates or updates the enrollments of a batch of resolved rows in a few set-based statements
 * (unnest), then applies tags (added, never removed) and provinces, and says what happened per row.
 */
export async function applyEnrollments(
  ctx: TenantContext,
  tx: Executor,
  state: ImportState,
  people: PersonResult[],
): Promise<RowOutcome[]> {
  const now = ctx.services.clock.now().toISOString();
  const ok = people.filter(
    (person): person is Extract<PersonResult, { partnerId: string }> => !person.errors,
  );
  await ensureNamed(
    ctx,
    tx,
    'partner_groups',
    ok.flatMap((person) => (person.row.groupName ? [person.row.groupName] : [])),
    state.groups,
    now,
  );
  await ensureNamed(
    ctx,
    tx,
    'partner_tags',
    ok.flatMap((person) => person.row.tags),
    state.tags,
    now,
  );
  const existing = new Map(
    rowsOf<Existing>(
      await tx.execute(sql`
        select id, partner_id, group_id, upline_enrollment_id as upline, external_id, referral_code as code
          from enrollments where org_id = ${ctx.orgId} and program_id = ${state.program.id}
           and partner_id = any(${sql.param(ok.map((person) => person.partnerId))}::text[])`),
    ).map((row) => [row.partner_id, row]),
  );
  const outcomes = new Map<number, RowOutcome>();
  const planned: Planned[] = [];
  for (const person of people) {
    const result = person.errors ? person.errors : plan(state, person, existing.get(person.partnerId));
    if (Array.isArray(result))
      outcomes.set(person.row.rowNumber, {
        rowNumber: person.row.rowNumber,
        outcome: 'error',
        enrollmentId: null,
        errors: result,
      });
    else planned.push(result);
  }
  const fresh = planned.filter((item) => item.isNew);
  const col = <T>(items: Planned[], pick: (item: Planned) => T) => sql.param(items.map(pick));
  const inserted = new Set(
    fresh.length === 0
      ? []
      : rowsOf<{ id: string }>(
          await tx.execute(sql`
            insert into enrollments (org_id, id, program_id, partner_id, status, status_changed_at, referral_code, group_id,
                                     upline_enrollment_id, source, external_id, joined_at, approved_at, created_at, updated_at)
            select ${ctx.orgId}, u.id, ${state.program.id}, u.partner_id, 'approved', ${now}::timestamptz, u.code, u.group_id,
                   u.upline_id, 'import', u.external_id, ${now}::timestamptz, ${now}::timestamptz, ${now}::timestamptz, ${now}::timestamptz
              from unnest(${col(fresh, (item) => item.id)}::text[], ${col(fresh, (item) => item.partnerId)}::text[],
                          ${col(fresh, (item) => item.code)}::text[], ${col(fresh, (item) => item.groupId)}::text[],
                          ${col(fresh, (item) => item.uplineId)}::text[], ${col(fresh, (item) => item.externalId)}::text[])
                   as u(id, partner_id, code, group_id, upline_id, external_id)
            on conflict do nothing returning id`),
        ).map((row) => row.id),
  );
  await ensureDefaultLinks(
    ctx,
    tx,
    fresh
      .filter((item) => inserted.has(item.id))
      .map((item) => ({ id: item.id, programId: state.program.id, referralCode: item.code })),
  );
  const changed = planned.filter((item) => item.changed);
  if (changed.length > 0) {
    await tx.execute(sql`
      update enrollments e set group_id = u.group_id, upline_enrollment_id = u.upline_id, external_id = u.external_id,
             referral_code = u.code, updated_at = ${now}::timestamptz
        from unnest(${col(changed, (item) => item.id)}::text[], ${col(changed, (item) => item.groupId)}::text[],
                    ${col(changed, (item) => item.uplineId)}::text[], ${col(changed, (item) => item.externalId)}::text[],
                    ${col(changed, (item) => item.code)}::text[]) as u(id, group_id, upline_id, external_id, code)
       where e.org_id = ${ctx.orgId} and e.id = u.id`);
  }
  const live = planned.filter((item) => !item.isNew || inserted.has(item.id));
  const events = live.flatMap((item) => item.events.map((event) => ({ ...event, enrollmentId: item.id })));
  if (events.length > 0) {
    await tx.execute(sql`
      insert into enrollment_events (org_id, id, enrollment_id, type, from_value, to_value, reason, actor_type, actor_id, actor_label, created_at)
      select ${ctx.orgId}, u.id, u.enrollment_id, u.type, u.from_value, u.to_value, ${`Import ${state.importId}`},
             ${ctx.actor.type}, ${ctx.actor.type === 'system' ? null : ctx.actor.id}, ${ctx.actor.label}, ${now}::timestamptz
        from unnest(${sql.param(events.map(() => newId('enrollmentEvent')))}::text[], ${sql.param(events.map((event) => event.enrollmentId))}::text[],
                    ${sql.param(events.map((event) => event.type))}::text[], ${sql.param(events.map((event) => event.from))}::text[],
                    ${sql.param(events.map((event) => event.to))}::text[]) as u(id, enrollment_id, type, from_value, to_value)`);
  }
  const tagPairs = live.flatMap((item) => item.tagIds.map((tagId) => [item.id, tagId] as const));
  const tagged = new Set(
    tagPairs.length === 0
      ? []
      : rowsOf<{ enrollment_id: string }>(
          await tx.execute(sql`
            insert into enrollment_tags (org_id, enrollment_id, tag_id, created_at)
            select ${ctx.orgId}, u.e, u.t, ${now}::timestamptz
              from unnest(${sql.param(tagPairs.map((pair) => pair[0]))}::text[], ${sql.param(tagPairs.map((pair) => pair[1]))}::text[]) as u(e, t)
            on conflict do nothing returning enrollment_id`),
        ).map((row) => row.enrollment_id),
  );
  const withProvince = live.filter((item) => item.province);
  const provinceChanged = new Set(
    withProvince.length === 0
      ? []
      : rowsOf<{ partner_id: string }>(
          await tx.execute(sql`
            insert into partner_profiles (org_id, partner_id, province, created_at, updated_at)
            select ${ctx.orgId}, u.p, u.province, ${now}::timestamptz, ${now}::timestamptz
              from unnest(${col(withProvince, (item) => item.partnerId)}::text[], ${col(withProvince, (item) => item.province)}::text[]) as u(p, province)
            on conflict (org_id, partner_id) do update set province = excluded.province, updated_at = excluded.updated_at
              where partner_profiles.province is distinct from excluded.province
            returning partner_id`),
        ).map((row) => row.partner_id),
  );
  const identityChanged = new Set(
    ok.filter((person) => person.identityChanged).map((person) => person.row.rowNumber),
  );
  for (const item of planned) {
    if (item.isNew && !inserted.has(item.id)) {
      state.codes.delete(item.code.toUpperCase());
      outcomes.set(item.rowNumber, {
        rowNumber: item.rowNumber,
        outcome: 'error',
        enrollmentId: null,
        errors: [
          {
            field: 'referralCode',
            message: 'The referral code or partner id was taken at the same moment; import again',
          },
        ],
      });
      continue;
    }
    const updated =
      item.changed ||
      tagged.has(item.id) ||
      provinceChanged.has(item.partnerId) ||
      identityChanged.has(item.rowNumber);
    outcomes.set(item.rowNumber, {
      rowNumber: item.rowNumber,
      outcome: item.isNew ? 'created' : updated ? 'updated' : 'unchanged',
      enrollmentId: item.id,
      errors: null,
    });
  }
  return people.map((person) => outcomes.get(person.row.rowNumber)!);
}
