export { authenticate } from './authenticate';
export { createIdentity, findIdentityByLogin, type IdentityInput } from './create-identity';
export { assertPasswordStrength, generatePassword, hashPassword, verifyPassword } from './password';
export { normaliseEmail, normalisePhone } from './phone';
export { identities, sessions } from './schema';
