import { eq, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db';
import { AppError } from '../../platform/errors';
import { orgs } from '../orgs';
import type { Program } from './get-program';
import { isPageCode } from './page-code';
import { programs } from './schema';

export type JoinPageProgram = { program: Program; org: { id: string; name: string; locale: string } };

export const JOIN_PAGE_NOT_FOUND =
  'This join page does not exist, or its program is not accepting partners right now';

/**
 * The active program behind a public join page, with its organisation. Unscoped by design: the
 * page code is the public id of the program; a draft, paused or archived program answers 404.
 */
export async function unsafeGetActiveProgramByPageCode(
  executor: Executor,
  pageCode: string,
): Promise<JoinPageProgram> {
  const notFound = new AppError('not_found', JOIN_PAGE_NOT_FOUND);
  if (!isPageCode(pageCode)) throw notFound;
  const [row] = await executor
    .select({ program: programs, org: { id: orgs.id, name: orgs.name, locale: orgs.locale } })
    .from(programs)
    .innerJoin(orgs, eq(orgs.id, programs.orgId))
    .where(sql`upper(${programs.pageCode}) = ${pageCode.toUpperCase()}`);
  if (row?.program.status !== 'active') throw notFound;
  return row;
}
