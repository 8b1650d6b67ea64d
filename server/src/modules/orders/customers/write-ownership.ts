import { sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db';
import type { TenantContext } from '../../../platform/services';
import type { Customer } from './match-customers';

/**
 * Writes the owners and first-order times decided in memory for many customers in one statement.
 * An owner is only written where the stored customer is still free (no owner, or the last
 * window has ended), so a concurrent batch that made an owner first keeps it.
 */
export async function writeCustomerOwnership(ctx: TenantContext, executor: Executor, changed: Customer[]) {
  if (changed.length === 0) return;
  const now = ctx.services.clock.now();
  const iso = (date: Date | null) => date?.toISOString() ?? null;
  const column = <T>(pick: (c: Customer) => T) => sql.param(changed.map(pick));
  await executor.execute(sql`
    update customers as c set
      first_order_at = least(coalesce(c.first_order_at, v.first_order_at), v.first_order_at),
      owner_enrollment_id = case when v.take then v.owner else c.owner_enrollment_id end,
      owned_since = case when v.take then v.since else c.owned_since end,
      owned_until = case when v.take then v.until else c.owned_until end,
      updated_at = ${now.toISOString()}::timestamptz
    from (
      select x.*, x.owner is not null and x.owner is distinct from cc.owner_enrollment_id
        and (cc.owner_enrollment_id is null or (cc.owned_until is not null and cc.owned_until <= x.since)) as take
      from unnest(${column((c) => c.id)}::text[], ${column((c) => c.ownerEnrollmentId)}::text[],
                  ${column((c) => iso(c.ownedSince))}::timestamptz[], ${column((c) => iso(c.ownedUntil))}::timestamptz[],
                  ${column((c) => iso(c.firstOrderAt))}::timestamptz[]) as x(id, owner, since, until, first_order_at)
      join customers cc on cc.org_id = ${ctx.orgId} and cc.id = x.id
    ) as v
    where c.org_id = ${ctx.orgId} and c.id = v.id`);
}
