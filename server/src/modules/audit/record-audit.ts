import type { Executor } from '../../platform/db';
import { newId } from '../../platform/ids';
import type { TenantContext } from '../../platform/services';
import { auditLog } from './schema';

export type AuditEntry = {
  action: string;
  entityType: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
};

const SECRET_FIELDS = /password|secret|token|hash|key_enc|keyenc/i;

/** Drops secrets from a before/after snapshot: the audit log must never hold them. */
function redact(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.map(redact);
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([key]) => !SECRET_FIELDS.test(key))
        .map(([key, inner]) => [key, redact(inner)]),
    );
  }
  return value;
}

/** Writes one audit entry in the caller's transaction: who did what to which record, before and after. */
export async function recordAudit(ctx: TenantContext, executor: Executor, entry: AuditEntry): Promise<void> {
  const actor = ctx.actor;
  await executor.insert(auditLog).values({
    orgId: ctx.orgId,
    id: newId('audit', ctx.services.clock.now().getTime()),
    actorType: actor.type,
    actorId: actor.type === 'system' ? null : actor.id,
    actorLabel: actor.label,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    before: redact(entry.before),
    after: redact(entry.after),
    requestId: ctx.requestId ?? null,
    createdAt: ctx.services.clock.now(),
  });
}
