import { eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db';
import { findPendingClick } from './redirect/runtime';
import { clicks } from './schema';

export type ClickEvidence = {
  id: string;
  orgId: string;
  linkId: string;
  enrollmentId: string;
  programId: string;
  createdAt: Date;
  ipHash: string;
};

/**
 * A click by its id (`kclid`), for attribution. Click ids are global, so the caller checks the
 * organisation. A click redirected a moment ago may still wait in the writer's memory: it is found
 * there (the memory is looked at first, synchronously, so a click moving to the table meanwhile
 * cannot be missed).
 */
export async function findClick(executor: Executor, clickId: string): Promise<ClickEvidence | undefined> {
  const pending = findPendingClick(clickId);
  if (pending) return pick(pending);
  const [row] = await executor.select().from(clicks).where(eq(clicks.id, clickId));
  return row ? pick(row) : undefined;
}

function pick(row: ClickEvidence): ClickEvidence {
  return {
    id: row.id,
    orgId: row.orgId,
    linkId: row.linkId,
    enrollmentId: row.enrollmentId,
    programId: row.programId,
    createdAt: row.createdAt,
    ipHash: row.ipHash,
  };
}
