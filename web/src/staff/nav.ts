import {
  IconAddressBook,
  IconBuilding,
  IconHistory,
  IconHome,
  IconKey,
  IconMail,
  IconUsers,
  IconUsersGroup,
} from '@tabler/icons-react';
import type { Permission } from '../lib/types';

export type NavItem = {
  to: string;
  labelKey: string;
  icon: typeof IconHome;
  /** Hidden from people whose role lacks it. */
  permission?: Permission;
  /** Only where the development outbox exists. */
  devOnly?: boolean;
};

export const NAV_ITEMS: NavItem[] = [
  { to: '/', labelKey: 'nav.dashboard', icon: IconHome },
  { to: '/staff', labelKey: 'nav.staff', icon: IconUsers, permission: 'members.read' },
  { to: '/staff-groups', labelKey: 'nav.staffGroups', icon: IconUsersGroup, permission: 'staff_groups.read' },
  { to: '/api-keys', labelKey: 'nav.apiKeys', icon: IconKey, permission: 'api_keys.manage' },
  { to: '/audit-log', labelKey: 'nav.auditLog', icon: IconHistory, permission: 'audit.read' },
  { to: '/settings', labelKey: 'nav.settings', icon: IconBuilding, permission: 'org.read' },
  { to: '/account', labelKey: 'nav.account', icon: IconAddressBook },
  { to: '/dev/outbox', labelKey: 'nav.outbox', icon: IconMail, devOnly: true },
];
