import {
  IconAddressBook,
  IconBuilding,
  IconChecklist,
  IconHistory,
  IconHome,
  IconKey,
  IconMail,
  IconRocket,
  IconTags,
  IconUserHeart,
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
  { to: '/programs', labelKey: 'nav.programs', icon: IconRocket, permission: 'programs.read' },
  { to: '/partners', labelKey: 'nav.partners', icon: IconUserHeart, permission: 'partners.read' },
  { to: '/approvals', labelKey: 'nav.approvals', icon: IconChecklist, permission: 'partners.approve' },
  { to: '/partner-groups', labelKey: 'nav.partnerGroups', icon: IconTags, permission: 'partners.read' },
  { to: '/staff', labelKey: 'nav.staff', icon: IconUsers, permission: 'members.read' },
  { to: '/staff-groups', labelKey: 'nav.staffGroups', icon: IconUsersGroup, permission: 'staff_groups.read' },
  { to: '/api-keys', labelKey: 'nav.apiKeys', icon: IconKey, permission: 'api_keys.manage' },
  { to: '/audit-log', labelKey: 'nav.auditLog', icon: IconHistory, permission: 'audit.read' },
  { to: '/settings', labelKey: 'nav.settings', icon: IconBuilding, permission: 'org.read' },
  { to: '/account', labelKey: 'nav.account', icon: IconAddressBook },
  { to: '/dev/outbox', labelKey: 'nav.outbox', icon: IconMail, devOnly: true },
];
