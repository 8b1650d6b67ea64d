export { approvePayoutBatch, cancelPayoutBatch } from './approve-batch';
export { buildPayoutBatch } from './build-batch';
export { payoutRoutes } from './routes';
export { payoutSelfRoutes } from './routes-self';
export * from './schema';
export { importBankStatement, markPayoutFailed, markPayoutsPaid } from './settle-payouts';
export { monthlyStatement } from './statement';
export { taxRuleOf, VIETNAM_DEFAULT_TAX, withholdingFor } from './tax';
export { convertToStoreCredit, requestWithdrawal } from './withdrawals';
