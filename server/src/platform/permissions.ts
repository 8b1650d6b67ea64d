/**
 * The one permission table of Kênh. Every route names exactly one permission; a role may do what
 * its row lists. The README renders this table for people.
 */
export const PERMISSIONS = [
  'org.read',
  'org.update',
  'members.read',
  'members.invite',
  'members.manage',
  'staff_groups.read',
  'staff_groups.manage',
  'api_keys.manage',
  'audit.read',
  'programs.read',
  'programs.manage',
  'partners.read',
  'partners.manage',
  'partners.import',
  'partners.export',
  'partners.approve',
  'partners.care',
  'partners.kyc_reveal',
  'catalog.read',
  'catalog.manage',
  'tracking.read',
  'tracking.manage',
  'orders.read',
  'orders.manage',
  'orders.import',
  'integrations.manage',
  'commissions.read',
  'commissions.manage',
  'commissions.approve',
  'payouts.read',
  'payouts.manage',
  'payouts.approve',
] as const;

export type Permission = (typeof PERMISSIONS)[number];

export const ROLE_NAMES = ['owner', 'admin', 'manager', 'care_staff', 'accountant'] as const;
export type RoleName = (typeof ROLE_NAMES)[number];

const everything = [...PERMISSIONS];

export const ROLE_PERMISSIONS: Record<RoleName, readonly Permission[]> = {
  owner: everything,
  admin: everything,
  manager: [
    'org.read',
    'members.read',
    'members.invite',
    'staff_groups.read',
    'staff_groups.manage',
    'audit.read',
    'programs.read',
    'partners.read',
    'partners.manage',
    'partners.import',
    'partners.export',
    'partners.approve',
    'partners.care',
    'partners.kyc_reveal',
    'catalog.read',
    'catalog.manage',
    'tracking.read',
    'tracking.manage',
    'orders.read',
    'orders.manage',
    'orders.import',
    'integrations.manage',
    'commissions.read',
    'commissions.manage',
    'payouts.read',
  ],
  care_staff: [
    'org.read',
    'members.read',
    'staff_groups.read',
    'programs.read',
    'partners.read',
    'partners.care',
    'catalog.read',
    'tracking.read',
    'orders.read',
    'orders.manage',
    'commissions.read',
  ],
  accountant: [
    'org.read',
    'members.read',
    'staff_groups.read',
    'audit.read',
    'programs.read',
    'partners.read',
    'catalog.read',
    'tracking.read',
    'orders.read',
    'commissions.read',
    'commissions.approve',
    'payouts.read',
    'payouts.manage',
    'payouts.approve',
  ],
};

export function roleCan(role: RoleName, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

/** Roles a role may hand out: nobody grants more than they hold, and only owners make owners. */
export function canGrantRole(granter: RoleName, role: RoleName): boolean {
  if (role === 'owner') return granter === 'owner';
  return ROLE_PERMISSIONS[role].every((permission) => roleCan(granter, permission));
}
