import { definePeriodicJob, type PeriodicJob, startPeriodicJob } from '../../platform/jobs/periodic';
import type { Services } from '../../platform/services';
import { sweepOrderAlerts } from './alerts-sweep';

/** How often order alerts are checked. */
export const ORDER_ALERTS_EVERY_MS = 15 * 60_000;

/** The periodic order-alerts sweep, once per 15-minute slot. */
export function orderAlertsJob(services: Services): PeriodicJob {
  return definePeriodicJob(services, {
    name: 'orders.alerts_sweep',
    version: 1,
    everyMs: ORDER_ALERTS_EVERY_MS,
    run: () => sweepOrderAlerts(services),
  });
}

/** Starts the alert sweeps when the server starts. Call after the job is registered. */
export async function startOrderAlerts(services: Services, job = orderAlertsJob(services)) {
  await startPeriodicJob(services, job);
}
