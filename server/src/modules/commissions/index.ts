export type { DraftLine, Explanation, OrderComputation } from './engine/compute-order';
export { computeOrderCommission } from './engine/compute-order';
export { type PlanVersion, planVersionSchema } from './engine/plan';
export { balancesOf, checkLedger, reconcileLedger } from './ledger';
export { publishDraftVersion, saveDraftVersion, versionInForce } from './plans';
export { recomputeOrderCommissions } from './recompute-order';
export { releaseHeldLines, releaseHeldLinesJob } from './release-held';
export * from './schema';
