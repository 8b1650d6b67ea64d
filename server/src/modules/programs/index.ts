export { changeProgramStatus } from './change-program-status';
export { createProgram } from './create-program';
export {
  JOIN_PAGE_NOT_FOUND,
  type JoinPageProgram,
  unsafeGetActiveProgramByPageCode,
} from './find-program-by-page-code';
export { findPrograms } from './find-programs';
export { getProgramById, type Program } from './get-program';
export { getProgramInviteLink } from './get-program-invite-link';
export {
  createProgramInvitation,
  findProgramInvitations,
  findUsableInvitation,
  markInvitationAccepted,
} from './program-invitations';
export { joinUrlOf, type ProgramView, toProgramView } from './program-view';
export {
  ATTRIBUTION_MODELS,
  type AutoApproveRules,
  JOIN_MODES,
  type JoinFormField,
  PROGRAM_STATUSES,
  programInvitations,
  programs,
} from './schema';
export { destinationAllowed, hostAllowed, isHostName } from './tracking-settings';
