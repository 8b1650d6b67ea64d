import {
  createRootRoute,
  createRoute,
  createRouter,
  lazyRouteComponent,
  Outlet,
  redirect,
} from '@tanstack/react-router';
import { AcceptInvitationPage } from '../features/auth/accept-invitation-page';
import { ForgotPasswordPage, ResetPasswordPage } from '../features/auth/reset-password-pages';
import { fetchMe, ME_KEY } from '../features/auth/session';
import { StaffSignInPage } from '../features/auth/sign-in-page';
import { VerifyEmailPage } from '../features/auth/verify-email-page';
import { DashboardPage } from '../features/orgs/dashboard-page';
import { queryClient } from '../lib/query-client';
import { NotFoundPage, RouteError } from '../ui/not-found';
import { PageLoader } from '../ui/page';
import { StaffShell } from './shell';

const root = createRootRoute({ component: Outlet, notFoundComponent: NotFoundPage });

const publicPage = (path: string, component: () => React.ReactNode) =>
  createRoute({ getParentRoute: () => root, path, component });

/** Signed-in pages: a signed-out visitor goes to sign-in and comes back after. */
const shell = createRoute({
  getParentRoute: () => root,
  id: 'shell',
  component: StaffShell,
  beforeLoad: async ({ location }) => {
    const me = await queryClient.ensureQueryData({ queryKey: ME_KEY, queryFn: fetchMe });
    if (!me) throw redirect({ to: '/sign-in', search: { redirect: location.href } as never });
  },
});

const page = (path: string, component: Parameters<typeof createRoute>[0]['component']) =>
  createRoute({ getParentRoute: () => shell, path, component });

const routeTree = root.addChildren([
  publicPage('/sign-in', StaffSignInPage),
  publicPage('/forgot-password', ForgotPasswordPage),
  publicPage('/reset-password', ResetPasswordPage),
  publicPage('/verify-email', VerifyEmailPage),
  publicPage('/invitations/accept', AcceptInvitationPage),
  createRoute({
    getParentRoute: () => root,
    path: '/dev/outbox',
    component: lazyRouteComponent(() => import('../features/mail/outbox-page'), 'OutboxPage'),
  }),
  shell.addChildren([
    page('/', DashboardPage),
    page(
      '/programs',
      lazyRouteComponent(() => import('../features/programs/programs-page'), 'ProgramsPage'),
    ),
    page(
      '/programs/new',
      lazyRouteComponent(() => import('../features/programs/program-form-page'), 'ProgramFormPage'),
    ),
    page(
      '/programs/$programId',
      lazyRouteComponent(() => import('../features/programs/program-page'), 'ProgramPage'),
    ),
    page(
      '/programs/$programId/edit',
      lazyRouteComponent(() => import('../features/programs/program-form-page'), 'ProgramFormPage'),
    ),
    page(
      '/partners',
      lazyRouteComponent(() => import('../features/partners/directory-page'), 'DirectoryPage'),
    ),
    page(
      '/partners/import',
      lazyRouteComponent(() => import('../features/partners/import-page'), 'ImportPage'),
    ),
    page(
      '/partners/$partnerId',
      lazyRouteComponent(() => import('../features/partners/partner-page'), 'PartnerPage'),
    ),
    page(
      '/approvals',
      lazyRouteComponent(() => import('../features/partners/approval-queue-page'), 'ApprovalQueuePage'),
    ),
    page(
      '/partner-groups',
      lazyRouteComponent(() => import('../features/partners/groups-tags-page'), 'GroupsTagsPage'),
    ),
    page(
      '/products',
      lazyRouteComponent(() => import('../features/catalog/products-page'), 'ProductsPage'),
    ),
    page(
      '/products/import',
      lazyRouteComponent(() => import('../features/catalog/import-page'), 'ProductImportPage'),
    ),
    page(
      '/products/categories',
      lazyRouteComponent(() => import('../features/catalog/categories-page'), 'CategoriesPage'),
    ),
    page(
      '/links',
      lazyRouteComponent(() => import('../features/tracking/links-page'), 'LinksPage'),
    ),
    page(
      '/coupons',
      lazyRouteComponent(() => import('../features/tracking/coupons-page'), 'CouponsPage'),
    ),
    page(
      '/reports/clicks',
      lazyRouteComponent(() => import('../features/tracking/clicks-report-page'), 'ClicksReportPage'),
    ),
    page(
      '/orders',
      lazyRouteComponent(() => import('../features/orders/orders-page'), 'OrdersPage'),
    ),
    page(
      '/orders/$orderId',
      lazyRouteComponent(() => import('../features/orders/order-page'), 'OrderPage'),
    ),
    page(
      '/commissions',
      lazyRouteComponent(() => import('../features/commissions/commissions-page'), 'CommissionsPage'),
    ),
    page(
      '/commission-plans',
      lazyRouteComponent(() => import('../features/commissions/plans-page'), 'CommissionPlansPage'),
    ),
    page(
      '/commission-plans/$planId',
      lazyRouteComponent(() => import('../features/commissions/plan-page'), 'CommissionPlanPage'),
    ),
    page(
      '/commission-guard',
      lazyRouteComponent(() => import('../features/commissions/guard-report-page'), 'GuardReportPage'),
    ),
    page(
      '/ledger',
      lazyRouteComponent(() => import('../features/ledger/ledger-page'), 'LedgerPage'),
    ),
    page(
      '/payout-batches',
      lazyRouteComponent(() => import('../features/payouts/batches-page'), 'PayoutBatchesPage'),
    ),
    page(
      '/payout-batches/$batchId',
      lazyRouteComponent(() => import('../features/payouts/batch-page'), 'PayoutBatchPage'),
    ),
    page(
      '/withdrawal-requests',
      lazyRouteComponent(
        () => import('../features/payouts/withdrawal-requests-page'),
        'WithdrawalRequestsPage',
      ),
    ),
    page(
      '/payout-tax',
      lazyRouteComponent(() => import('../features/payouts/tax-page'), 'PayoutTaxPage'),
    ),
    page(
      '/deposits',
      lazyRouteComponent(() => import('../features/payouts/deposits-page'), 'DepositsPage'),
    ),
    page(
      '/customers',
      lazyRouteComponent(() => import('../features/orders/customers-page'), 'CustomersPage'),
    ),
    page(
      '/notifications',
      lazyRouteComponent(
        () => import('../features/notifications/staff-notifications-page'),
        'StaffNotificationsPage',
      ),
    ),
    page(
      '/order-queue',
      lazyRouteComponent(() => import('../features/sales/order-queue-page'), 'OrderQueuePage'),
    ),
    page(
      '/opportunities',
      lazyRouteComponent(
        () => import('../features/sales/opportunities-board-page'),
        'OpportunitiesBoardPage',
      ),
    ),
    page(
      '/settings',
      lazyRouteComponent(() => import('../features/orgs/org-settings-page'), 'OrgSettingsPage'),
    ),
    page(
      '/staff',
      lazyRouteComponent(() => import('../features/orgs/staff-page'), 'StaffPage'),
    ),
    page(
      '/staff-groups',
      lazyRouteComponent(() => import('../features/orgs/staff-groups-page'), 'StaffGroupsPage'),
    ),
    page(
      '/api-keys',
      lazyRouteComponent(() => import('../features/api-keys/api-keys-page'), 'ApiKeysPage'),
    ),
    page(
      '/audit-log',
      lazyRouteComponent(() => import('../features/audit/audit-log-page'), 'AuditLogPage'),
    ),
    page(
      '/integrations',
      lazyRouteComponent(() => import('../features/integrations/webhook-sources-page'), 'WebhookSourcesPage'),
    ),
    page(
      '/integrations/$sourceId',
      lazyRouteComponent(() => import('../features/integrations/source-page'), 'SourcePage'),
    ),
    page(
      '/orders/import',
      lazyRouteComponent(() => import('../features/integrations/order-import-page'), 'OrderImportPage'),
    ),
    page(
      '/account',
      lazyRouteComponent(() => import('../features/auth/account-page'), 'AccountPage'),
    ),
  ]),
]);

export const router = createRouter({
  routeTree,
  defaultPendingComponent: PageLoader,
  defaultErrorComponent: RouteError,
  defaultPreload: 'intent',
  scrollRestoration: true,
});
