export { createPartnerAccount, type PartnerAccountInput } from './create-partner-account';
export { findPartnerByIdentity } from './find-partner';
export { partners } from './schema';
