import { and, eq, inArray, sql } from 'drizzle-orm';
import { AppError } from '../../platform/errors';
import { definePeriodicJob, type PeriodicJob, startPeriodicJob } from '../../platform/jobs/periodic';
import type { Services, TenantContext } from '../../platform/services';
import { orgs } from '../orgs';
import { programs } from '../programs/schema';
import { buildPayoutBatch } from './build-batch';
import { payoutBatches, payoutSettings } from './schema';

const localDate = (at: Date, timeZone: string) => {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    weekday: 'short',
  }).formatToParts(at);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return {
    day: `${part('year')}-${part('month')}-${part('day')}`,
    weekday: part('weekday'),
    dayOfMonth: part('day'),
  };
};

/**
 * Programs paid weekly (on Mondays) or monthly (on the 1st) get a draft batch of every payable
 * balance up to the start of that day, in the organisation's time zone, for an accountant to check
 * and approve. Once per program and day: the day is stored with the batch and looked up first.
 */
export async function buildScheduledBatches(services: Services): Promise<number> {
  const now = services.clock.now();
  const due = await services.db
    .select({
      orgId: payoutSettings.orgId,
      programId: payoutSettings.programId,
      schedule: payoutSettings.schedule,
      currency: programs.currency,
      timeZone: orgs.timeZone,
    })
    .from(payoutSettings)
    .innerJoin(
      programs,
      and(eq(programs.orgId, payoutSettings.orgId), eq(programs.id, payoutSettings.programId)),
    )
    .innerJoin(orgs, eq(orgs.id, payoutSettings.orgId))
    .where(and(inArray(payoutSettings.schedule, ['weekly', 'monthly']), eq(programs.status, 'active')));
  let built = 0;
  for (const program of due) {
    const today = localDate(now, program.timeZone ?? 'Asia/Ho_Chi_Minh');
    const isDay = program.schedule === 'weekly' ? today.weekday === 'Mon' : today.dayOfMonth === '01';
    if (!isDay) continue;
    const ctx: TenantContext = {
      orgId: program.orgId,
      services,
      actor: { type: 'system', label: 'Payout schedule' },
    };
    await services.db.transaction(async (tx) => {
      const [already] = await tx
        .select({ id: payoutBatches.id })
        .from(payoutBatches)
        .where(
          and(
            eq(payoutBatches.orgId, program.orgId),
            sql`${payoutBatches.filters}->>'programId' = ${program.programId}`,
            sql`${payoutBatches.filters}->>'scheduledFor' = ${today.day}`,
          ),
        );
      if (already) return;
      const [start] = await tx
        .select({
          at: sql<string>`(${today.day}::date::timestamp at time zone ${program.timeZone ?? 'Asia/Ho_Chi_Minh'})::text`,
        })
        .from(orgs)
        .where(eq(orgs.id, program.orgId));
      try {
        const result = await buildPayoutBatch(ctx, tx, {
          currency: program.currency,
          source: 'balances',
          programId: program.programId,
          cutOff: new Date(start!.at),
          scheduledFor: today.day,
        });
        if (result) built++;
      } catch (error) {
        // nobody to pay this time
        if (!(error instanceof AppError && error.code === 'unprocessable')) throw error;
      }
    });
  }
  return built;
}

export const SCHEDULE_EVERY_MS = 60 * 60_000;
/** Hourly: builds the batches due today. */
export function scheduledBatchesJob(services: Services): PeriodicJob {
  return definePeriodicJob(services, {
    name: 'payouts.scheduled-batches',
    version: 1,
    everyMs: SCHEDULE_EVERY_MS,
    run: () => buildScheduledBatches(services),
  });
}

export async function startScheduledBatches(services: Services, job = scheduledBatchesJob(services)) {
  await startPeriodicJob(services, job);
}
