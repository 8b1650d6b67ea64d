import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db';
import { notFound } from '../../platform/errors';
import type { TenantContext } from '../../platform/services';
import { programs } from './schema';

export type Program = typeof programs.$inferSelect;

/** The program with this id in the organisation; another organisation's program is not found. */
export async function getProgramById(
  ctx: TenantContext,
  executor: Executor,
  programId: string,
): Promise<Program> {
  const [program] = await executor
    .select()
    .from(programs)
    .where(and(eq(programs.orgId, ctx.orgId), eq(programs.id, programId)));
  if (!program) throw notFound('Program');
  return program;
}
