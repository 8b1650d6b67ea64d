import type { Executor } from '../../../platform/db';
import { AppError } from '../../../platform/errors';
import type { TenantContext } from '../../../platform/services';
import { getProgramById } from '../../programs';

/** A program named in a body must be the organisation's own (another's is simply unknown). */
export async function assertProgramOfOrg(ctx: TenantContext, executor: Executor, programId: string) {
  try {
    return await getProgramById(ctx, executor, programId);
  } catch {
    throw new AppError('unprocessable', 'No such program in this organisation', {
      details: [{ path: 'body.programId', message: 'Unknown program' }],
    });
  }
}
