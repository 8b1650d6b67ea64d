export { authenticate } from './authenticate';
export { createIdentity, findIdentityByLogin, type IdentityInput } from './create-identity';
export type { Me } from './get-me';
export { assertPasswordStrength, generatePassword, hashPassword, verifyPassword } from './password';
export { normaliseEmail, normalisePhone } from './phone';
export { revokeSessionsOfIdentity } from './revoke-sessions';
export { identities, sessions } from './schema';
