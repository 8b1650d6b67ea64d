import type { Skipped } from './api';

/**
 * Who a just-built batch left out, and why. The API answers it only when the batch is built, so the
 * batch page reads it from here right after building (it is gone after a reload).
 */
const recent = new Map<string, Skipped[]>();

export function rememberSkipped(batchId: string, skipped: Skipped[]): void {
  recent.set(batchId, skipped);
}

export function skippedOf(batchId: string): Skipped[] {
  return recent.get(batchId) ?? [];
}
