import { sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db';
import type { TenantContext } from '../../../platform/services';
import type { Program } from '../../programs';
import { rowsOf } from './get-import';

/**
 * What an import run keeps in memory about the organisation, loaded once and kept current as
 * batches go: referral codes, the upline tree, partner ids held by enrollments, groups and tags.
 */
export type ImportState = {
  importId: string;
  program: Pick<Program, 'id' | 'maxUplineDepth'>;
  codes: Map<string, string>;
  uplineOf: Map<string, string | null>;
  partnerOf: Map<string, string>;
  externalIds: Map<string, string>;
  groups: Map<string, string>;
  tags: Map<string, string>;
  /** Identity → the row that first used it in this run (one person per file). */
  rowOfIdentity: Map<string, number>;
};

export async function loadImportState(
  ctx: TenantContext,
  executor: Executor,
  importId: string,
  program: ImportState['program'],
): Promise<ImportState> {
  const enrollmentRows = rowsOf<{
    id: string;
    code: string;
    upline: string | null;
    partner: string;
    external: string | null;
  }>(
    await executor.execute(sql`
      select id, upper(referral_code) as code, upline_enrollment_id as upline, partner_id as partner,
             external_id as external
        from enrollments where org_id = ${ctx.orgId}`),
  );
  const state: ImportState = {
    importId,
    program,
    codes: new Map(),
    uplineOf: new Map(),
    partnerOf: new Map(),
    externalIds: new Map(),
    groups: new Map(),
    tags: new Map(),
    rowOfIdentity: new Map(),
  };
  for (const row of enrollmentRows) {
    state.codes.set(row.code, row.id);
    state.uplineOf.set(row.id, row.upline);
    state.partnerOf.set(row.id, row.partner);
    if (row.external) state.externalIds.set(row.external, row.id);
  }
  const named = (table: 'partner_groups' | 'partner_tags') =>
    executor.execute(
      sql`select id, lower(name) as name from ${sql.identifier(table)} where org_id = ${ctx.orgId}`,
    );
  for (const row of rowsOf<{ id: string; name: string }>(await named('partner_groups')))
    state.groups.set(row.name, row.id);
  for (const row of rowsOf<{ id: string; name: string }>(await named('partner_tags')))
    state.tags.set(row.name, row.id);
  return state;
}

/** How many uplines sit above `enrollmentId`, and whether `needle` is among them (a cycle). */
export function chainOf(state: ImportState, enrollmentId: string, needle?: string) {
  let depth = 0;
  let current: string | null | undefined = enrollmentId;
  let containsNeedle = current === needle;
  while (current && depth < 50) {
    current = state.uplineOf.get(current);
    if (current) {
      depth++;
      if (current === needle) containsNeedle = true;
    }
  }
  return { depth, containsNeedle };
}
