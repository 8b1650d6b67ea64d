import { type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db';
import { notFound } from '../../platform/errors';
import { divideRounded } from '../../platform/money';
import type { TenantContext } from '../../platform/services';
import { planSettingsSchema } from './engine/plan';
import { periodOf } from './period';
import { versionInForce } from './plans';

/**
 * The multi-level guard: what a program paid out against what it sold, month by month. Vietnam's
 * rules for multi-level selling (Decree 40/2018) cap the total paid to participants at 40 % of
 * revenue; a program that pays overrides on more than one level, or sells mostly to its own
 * partners, looks like multi-level selling whatever it is called. Shares are millionths of revenue.
 */
export type GuardLimits = {
  /** Total commission (overrides included) at or above this share of revenue warns. */
  payoutLimitPpm: bigint;
  /** Overrides at or above this share of revenue warn. */
  overrideLimitPpm: bigint;
  /** Revenue from customers who are not partners below this share warns. */
  nonPartnerMinPpm: bigint;
};

export const DEFAULT_GUARD_LIMITS: GuardLimits = {
  payoutLimitPpm: 400_000n,
  overrideLimitPpm: 100_000n,
  nonPartnerMinPpm: 500_000n,
};

export type GuardWarning =
  | { code: 'payouts_at_limit' | 'overrides_at_limit'; sharePpm: string | null; limitPpm: string }
  | { code: 'non_partner_below_limit'; sharePpm: string; limitPpm: string }
  | { code: 'multi_level'; overrideDepth: number; acknowledged: boolean };

type Sums = {
  orders: number;
  revenue: bigint;
  nonPartnerRevenue: bigint;
  commission: bigint;
  override: bigint;
};

const zero = (): Sums => ({ orders: 0, revenue: 0n, nonPartnerRevenue: 0n, commission: 0n, override: 0n });

/** A share of revenue in millionths, rounded half up; null when there is no revenue to share. */
const share = (part: bigint, revenue: bigint) =>
  revenue > 0n ? divideRounded(part * 1_000_000n, revenue, 'half_up').toString() : null;

function view(sums: Sums) {
  return {
    orders: sums.orders,
    revenueMinor: sums.revenue.toString(),
    commissionMinor: sums.commission.toString(),
    overrideMinor: sums.override.toString(),
    nonPartnerRevenueMinor: sums.nonPartnerRevenue.toString(),
    partnerRevenueMinor: (sums.revenue - sums.nonPartnerRevenue).toString(),
    commissionSharePpm: share(sums.commission, sums.revenue),
    overrideSharePpm: share(sums.override, sums.revenue),
    nonPartnerSharePpm: share(sums.nonPartnerRevenue, sums.revenue),
  };
}

/** Compared exactly (part × 1 000 000 against limit × revenue), never on a rounded share. */
function warningsOf(sums: Sums, limits: GuardLimits, depth: number, acknowledged: boolean) {
  const warnings: GuardWarning[] = [];
  const atLimit = (part: bigint, limit: bigint) =>
    sums.revenue > 0n ? part * 1_000_000n >= limit * sums.revenue : part > 0n;
  if (atLimit(sums.commission, limits.payoutLimitPpm))
    warnings.push({
      code: 'payouts_at_limit',
      sharePpm: share(sums.commission, sums.revenue),
      limitPpm: limits.payoutLimitPpm.toString(),
    });
  if (atLimit(sums.override, limits.overrideLimitPpm))
    warnings.push({
      code: 'overrides_at_limit',
      sharePpm: share(sums.override, sums.revenue),
      limitPpm: limits.overrideLimitPpm.toString(),
    });
  if (sums.revenue > 0n && sums.nonPartnerRevenue * 1_000_000n < limits.nonPartnerMinPpm * sums.revenue)
    warnings.push({
      code: 'non_partner_below_limit',
      sharePpm: share(sums.nonPartnerRevenue, sums.revenue)!,
      limitPpm: limits.nonPartnerMinPpm.toString(),
    });
  if (depth > 1) warnings.push({ code: 'multi_level', overrideDepth: depth, acknowledged });
  return warnings;
}

const withOverrides = (limits: GuardLimits, overrides: Partial<GuardLimits>): GuardLimits => ({
  payoutLimitPpm: overrides.payoutLimitPpm ?? limits.payoutLimitPpm,
  overrideLimitPpm: overrides.overrideLimitPpm ?? limits.overrideLimitPpm,
  nonPartnerMinPpm: overrides.nonPartnerMinPpm ?? limits.nonPartnerMinPpm,
});

const limitsView = (limits: GuardLimits) => ({
  payoutLimitPpm: limits.payoutLimitPpm.toString(),
  overrideLimitPpm: limits.overrideLimitPpm.toString(),
  nonPartnerMinPpm: limits.nonPartnerMinPpm.toString(),
});

/** The last `months` calendar months in the time zone, the current one last. */
function monthsUpTo(now: Date, months: number, timeZone: string) {
  const list = [periodOf(now, 'month', timeZone)];
  while (list.length < months)
    list.unshift(periodOf(new Date(list[0]!.start.getTime() - 1), 'month', timeZone));
  return list;
}

async function rows<Row>(executor: Executor, query: SQL): Promise<Row[]> {
  return ((await executor.execute(query)) as unknown as { rows: Row[] }).rows;
}

/**
 * The guard report of the organisation's programs (or one of them) over the last `months` calendar
 * months in the organisation's time zone. Revenue: completed orders in the program's currency, net
 * of discounts and returns (shipping and tax left out), by the month they were completed.
 * Commission: every line not void or rejected (reversals and corrections included) of those
 * orders, plus lines without an order (bonuses, actions) by the month they were earned; overrides
 * are the lines paid to uplines (level ≥ 1). A customer is a partner when their customer record is
 * a partner's, their phone or email is the identity of a partner enrolled in the organisation, or
 * the order was flagged as the partner buying for themselves.
 */
export async function getGuardReport(
  ctx: TenantContext,
  executor: Executor,
  input: { programId?: string; months: number; limits: Partial<GuardLimits> },
) {
  const [org] = await rows<{ time_zone: string }>(
    executor,
    sql`select time_zone from orgs where id = ${ctx.orgId}`,
  );
  const timeZone = org?.time_zone ?? 'Asia/Ho_Chi_Minh';
  const now = ctx.services.clock.now();
  const periods = monthsUpTo(now, input.months, timeZone);
  const programs = await rows<{ id: string; name: string; currency: string }>(
    executor,
    sql`select id, name, currency from programs
         where org_id = ${ctx.orgId} ${input.programId ? sql`and id = ${input.programId}` : sql``}
         order by name, id`,
  );
  if (input.programId && programs.length === 0) throw notFound('Program');
  const from = periods[0]!.start;
  const to = periods.at(-1)!.end;
  const base = { timeZone, from: from.toISOString(), to: to.toISOString(), months: input.months };
  const limits = limitsView(withOverrides(DEFAULT_GUARD_LIMITS, input.limits));
  if (programs.length === 0) return { ...base, limits, items: [] };

  const monthTable = sql.join(
    periods.map(
      (period) =>
        sql`(${period.label}::text, ${period.start.toISOString()}::timestamptz, ${period.end.toISOString()}::timestamptz)`,
    ),
    sql`, `,
  );
  const programIds = sql.join(
    programs.map((program) => sql`${program.id}`),
    sql`, `,
  );
  const net = sql`(o.subtotal_minor - o.discount_minor - o.returned_minor)`;
  const sales = await rows<{
    program_id: string;
    label: string;
    currency: string;
    orders: number;
    revenue: string;
    non_partner: string;
  }>(
    executor,
    sql`with months(label, starts, ends) as (values ${monthTable}),
        partner_contacts as (
          select distinct i.phone, lower(i.email) as email
            from enrollments e
            join partners p on p.id = e.partner_id
            join identities i on i.id = p.identity_id
           where e.org_id = ${ctx.orgId})
        select o.program_id, m.label, o.currency, count(*)::int as orders,
               sum(${net})::text as revenue,
               sum(case when c.partner_id is not null
                          or o.flags @> '["self_referral"]'::jsonb
                          or o.customer_phone in (select phone from partner_contacts where phone is not null)
                          or lower(o.customer_email) in (select email from partner_contacts where email is not null)
                        then 0 else ${net} end)::text as non_partner
          from orders o
          join months m on o.completed_at >= m.starts and o.completed_at < m.ends
          left join customers c on c.org_id = o.org_id and c.id = o.customer_id
         where o.org_id = ${ctx.orgId} and o.status = 'completed' and o.program_id in (${programIds})
         group by 1, 2, 3`,
  );
  const paid = await rows<{
    program_id: string;
    label: string;
    currency: string;
    commission: string;
    override: string;
  }>(
    executor,
    sql`with months(label, starts, ends) as (values ${monthTable})
        select l.program_id, m.label, l.currency,
               sum(l.amount_minor)::text as commission,
               sum(case when l.level > 0 then l.amount_minor else 0 end)::text as override
          from commission_lines l
          left join orders o on o.org_id = l.org_id and o.id = l.order_id
          join months m on coalesce(o.completed_at, l.earned_at) >= m.starts
                       and coalesce(o.completed_at, l.earned_at) < m.ends
         where l.org_id = ${ctx.orgId} and l.status not in ('void', 'rejected')
           and l.program_id in (${programIds})
           and (l.order_id is null or o.status = 'completed')
         group by 1, 2, 3`,
  );

  const items = [];
  for (const program of programs) {
    const byMonth = new Map(periods.map((period) => [period.label, zero()]));
    let ordersInOtherCurrencies = 0;
    for (const row of sales.filter((sale) => sale.program_id === program.id)) {
      if (row.currency !== program.currency) {
        ordersInOtherCurrencies += row.orders;
        continue;
      }
      const sums = byMonth.get(row.label)!;
      sums.orders += row.orders;
      sums.revenue += BigInt(row.revenue);
      sums.nonPartnerRevenue += BigInt(row.non_partner);
    }
    for (const row of paid.filter((line) => line.program_id === program.id)) {
      if (row.currency !== program.currency) continue;
      const sums = byMonth.get(row.label)!;
      sums.commission += BigInt(row.commission);
      sums.override += BigInt(row.override);
    }
    const total = zero();
    for (const sums of byMonth.values()) {
      total.orders += sums.orders;
      total.revenue += sums.revenue;
      total.nonPartnerRevenue += sums.nonPartnerRevenue;
      total.commission += sums.commission;
      total.override += sums.override;
    }
    const version = await versionInForce(ctx, executor, program.id, now);
    const settings = planSettingsSchema.safeParse(version?.settings ?? {});
    const depth = settings.success ? settings.data.overrideDepth : 1;
    const acknowledged = settings.success ? settings.data.multiLevelAcknowledged : false;
    // the request's limits, else the plan's, else the defaults
    const programLimits = withOverrides(
      (settings.success ? settings.data.guardLimits : null) ?? DEFAULT_GUARD_LIMITS,
      input.limits,
    );
    items.push({
      programId: program.id,
      programName: program.name,
      currency: program.currency,
      planVersionId: version?.id ?? null,
      overrideDepth: depth,
      multiLevelAcknowledged: acknowledged,
      limits: limitsView(programLimits),
      limitsFrom: Object.values(input.limits).some((limit) => limit !== undefined)
        ? ('request' as const)
        : settings.success && settings.data.guardLimits
          ? ('plan' as const)
          : ('default' as const),
      ordersInOtherCurrencies,
      totals: view(total),
      monthly: [...byMonth].map(([month, sums]) => ({
        month,
        ...view(sums),
        payoutsAtLimit: warningsOf(sums, programLimits, 1, false).some(
          (warning) => warning.code === 'payouts_at_limit',
        ),
      })),
      warnings: warningsOf(total, programLimits, depth, acknowledged),
    });
  }
  return { ...base, limits, items };
}
