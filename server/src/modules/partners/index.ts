export {
  type CreateEnrollmentInput,
  createEnrollment,
  type Enrollment,
  findEnrollmentByReferralCode,
  recordEnrollmentEvent,
} from './create-enrollment';
export { createPartnerAccount, type PartnerAccountInput } from './create-partner-account';
export { findPartnerByIdentity } from './find-partner';
export { generateReferralCode, normaliseReferralCode } from './referral-code';
export { partners } from './schema';
export * from './schema-enrollments';
export { findUplineChain, type UplineLink } from './upline';
