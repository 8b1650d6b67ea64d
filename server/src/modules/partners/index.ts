export { type Bank, findBankByBin, VN_BANKS } from './banks/vn-banks';
export { changeEnrollmentStatus } from './change-enrollment-status';
export {
  type CreateEnrollmentInput,
  createEnrollment,
  type Enrollment,
  findEnrollmentByReferralCode,
  recordEnrollmentEvent,
  recordEnrollmentEvents,
} from './create-enrollment';
export { createPartnerAccount, type PartnerAccountInput } from './create-partner-account';
export { findPartnerByIdentity } from './find-partner';
export { getEnrollmentById } from './get-enrollment';
export { savePartnerKyc } from './kyc/save-partner-kyc';
export { verifyPartnerBank } from './kyc/verify-partner-bank';
export { generateReferralCode, normaliseReferralCode } from './referral-code';
export { partners } from './schema';
export * from './schema-enrollments';
export { findUplineChain, type UplineLink } from './upline';
