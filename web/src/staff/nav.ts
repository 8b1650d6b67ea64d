import {
  IconAddressBook,
  IconBook2,
  IconBuilding,
  IconBulb,
  IconCashBanknote,
  IconChecklist,
  IconClick,
  IconClipboardCheck,
  IconCoin,
  IconHistory,
  IconHome,
  IconKey,
  IconLink,
  IconMail,
  IconPackage,
  IconPigMoney,
  IconPlugConnected,
  IconReceipt,
  IconReceiptTax,
  IconReportMoney,
  IconRocket,
  IconShieldHalf,
  IconTags,
  IconTicket,
  IconUserCheck,
  IconUserHeart,
  IconUsers,
  IconUsersGroup,
  IconWallet,
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
  { to: '/products', labelKey: 'catalog.nav.products', icon: IconPackage, permission: 'catalog.read' },
  { to: '/links', labelKey: 'tracking.nav.links', icon: IconLink, permission: 'tracking.read' },
  { to: '/coupons', labelKey: 'tracking.nav.coupons', icon: IconTicket, permission: 'tracking.read' },
  { to: '/reports/clicks', labelKey: 'tracking.nav.clicks', icon: IconClick, permission: 'tracking.read' },
  { to: '/orders', labelKey: 'orders.nav.orders', icon: IconReceipt, permission: 'orders.read' },
  { to: '/customers', labelKey: 'orders.nav.customers', icon: IconUserCheck, permission: 'orders.read' },
  {
    to: '/order-queue',
    labelKey: 'sales.nav.orderQueue',
    icon: IconClipboardCheck,
    permission: 'orders.read',
  },
  { to: '/opportunities', labelKey: 'sales.nav.opportunities', icon: IconBulb, permission: 'orders.read' },
  { to: '/commissions', labelKey: 'commissions.nav.lines', icon: IconCoin, permission: 'commissions.read' },
  {
    to: '/commission-plans',
    labelKey: 'commissions.nav.plans',
    icon: IconReportMoney,
    permission: 'commissions.read',
  },
  {
    to: '/commission-guard',
    labelKey: 'commissionReports.nav.guard',
    icon: IconShieldHalf,
    permission: 'commissions.read',
  },
  {
    to: '/ledger',
    labelKey: 'commissionReports.nav.ledger',
    icon: IconBook2,
    permission: 'commissions.read',
  },
  { to: '/payout-batches', labelKey: 'payouts.nav.batches', icon: IconWallet, permission: 'payouts.read' },
  {
    to: '/withdrawal-requests',
    labelKey: 'payouts.nav.withdrawals',
    icon: IconCashBanknote,
    permission: 'payouts.read',
  },
  { to: '/payout-tax', labelKey: 'payouts.nav.tax', icon: IconReceiptTax, permission: 'payouts.read' },
  { to: '/deposits', labelKey: 'payouts.nav.deposits', icon: IconPigMoney, permission: 'payouts.read' },
  { to: '/staff', labelKey: 'nav.staff', icon: IconUsers, permission: 'members.read' },
  { to: '/staff-groups', labelKey: 'nav.staffGroups', icon: IconUsersGroup, permission: 'staff_groups.read' },
  { to: '/api-keys', labelKey: 'nav.apiKeys', icon: IconKey, permission: 'api_keys.manage' },
  { to: '/audit-log', labelKey: 'nav.auditLog', icon: IconHistory, permission: 'audit.read' },
  {
    to: '/integrations',
    labelKey: 'integrations.nav',
    icon: IconPlugConnected,
    permission: 'integrations.manage',
  },
  { to: '/settings', labelKey: 'nav.settings', icon: IconBuilding, permission: 'org.read' },
  { to: '/account', labelKey: 'nav.account', icon: IconAddressBook },
  { to: '/dev/outbox', labelKey: 'nav.outbox', icon: IconMail, devOnly: true },
];
