export { getProgramById, type Program } from './get-program';
export { type AutoApproveRules, JOIN_MODES, type JoinFormField, PROGRAM_STATUSES, programs } from './schema';
