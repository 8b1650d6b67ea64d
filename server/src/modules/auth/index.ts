export { authenticate } from './authenticate';
export { createIdentity, findIdentityByLogin, type IdentityInput } from './create-identity';
export type { Me } from './get-me';
export { openPartnerSession } from './open-partner-session';
export { assertPasswordStrength, generatePassword, hashPassword, verifyPassword } from './password';
export { normaliseEmail, normalisePhone } from './phone';
export { assertWithinLimit } from './request-limits';
export { revokeSessionsOfIdentity } from './revoke-sessions';
export { identities, sessions } from './schema';
export {
  checkVerificationCode,
  consumeVerificationCode,
  markContactVerified,
  sendVerificationCode,
  type VerifiedCode,
} from './verification-codes';
export {
  outboxVerificationSender,
  useVerificationSender,
  type VerificationMessage,
  type VerificationSender,
} from './verification-sender';
