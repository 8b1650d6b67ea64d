export { type CreateOrganisationInput, createOrganisation, slugify } from './create-organisation';
export { listMembershipsOfIdentity } from './list-memberships';
export { invitations, orgMembers, orgs, ROLES, type Role, staffGroups } from './schema';
