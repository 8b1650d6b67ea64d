import { AppError } from '../../platform/errors';

export const MAX_BULK_IDS = 500;

export type BulkResult<T> =
  | ({ enrollmentId: string; ok: true } & T)
  | { enrollmentId: string; ok: false; error: { code: string; message: string } };

/**
 * Applies `apply` to each id in its own transaction, so one refused id does not undo the others.
 * Domain errors become per-id results; anything else (a bug, the database gone) still throws.
 */
export async function runBulk<T extends object>(
  ids: readonly string[],
  apply: (enrollmentId: string) => Promise<T>,
): Promise<{ results: BulkResult<T>[]; succeeded: number; failed: number }> {
  const results: BulkResult<T>[] = [];
  for (const enrollmentId of ids) {
    try {
      results.push({ enrollmentId, ok: true, ...(await apply(enrollmentId)) });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      results.push({ enrollmentId, ok: false, error: { code: error.code, message: error.message } });
    }
  }
  const succeeded = results.filter((result) => result.ok).length;
  return { results, succeeded, failed: results.length - succeeded };
}
