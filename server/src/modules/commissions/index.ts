export {
  CLICK_COMMISSIONS_EVERY_MS,
  clickCommissionsJob,
  settleDailyActionsJob,
  startComputingClickCommissions,
} from './actions/click-job';
export { computeClickCommissions, computeClickCommissionsOfOrg } from './actions/compute-clicks';
export { computeConversionCommission } from './actions/compute-conversion';
export { computeConversionsJob, requestConversionCommission } from './actions/conversion-job';
export type { DraftLine, Explanation, OrderComputation } from './engine/compute-order';
export { computeOrderCommission } from './engine/compute-order';
export { type PlanVersion, planVersionSchema } from './engine/plan';
export { balancesOf, checkLedger, reconcileLedger } from './ledger';
export { publishDraftVersion, saveDraftVersion, versionInForce } from './plans';
export { recomputeOrdersJob, requestRecompute } from './recompute-job';
export { recomputeOrderCommissions } from './recompute-order';
export { releaseHeldLines, releaseHeldLinesJob, startReleasingHeldLines } from './release-held';
export { commissionRoutes } from './routes';
export { commissionReportRoutes } from './routes-reports';
export { commissionSelfRoutes } from './routes-self';
export * from './schema';
