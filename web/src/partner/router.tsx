import { createRootRoute, createRoute, createRouter, Outlet } from '@tanstack/react-router';
import { PartnerCatalogPage } from '../features/catalog/partner-catalog-page';
import { EarningsPage } from '../features/earnings/earnings-page';
import { NotificationsPage } from '../features/notifications/notifications-page';
import { PartnerResetPasswordPage, PartnerSignInPage } from '../features/partners/partner-auth-pages';
import { PartnerHomePage } from '../features/partners/partner-home-page';
import { PartnerJoinPage } from '../features/partners/partner-join-page';
import { PartnerProfilePage } from '../features/partners/partner-profile-page';
import { PartnerPayoutsPage } from '../features/payouts/partner-payouts-page';
import { PartnerCustomersPage } from '../features/sales/partner-customers-page';
import { PartnerNewOrderPage } from '../features/sales/partner-new-order-page';
import { PartnerOpportunitiesPage } from '../features/sales/partner-opportunities-page';
import { PartnerOrderPage } from '../features/sales/partner-order-page';
import { PartnerOrdersPage } from '../features/sales/partner-orders-page';
import { MyLinksPage } from '../features/tracking/my-links-page';
import { NotFoundPage, RouteError } from '../ui/not-found';
import { PageLoader } from '../ui/page';

const root = createRootRoute({ component: Outlet, notFoundComponent: NotFoundPage });

const routeTree = root.addChildren([
  createRoute({ getParentRoute: () => root, path: '/', component: PartnerHomePage }),
  createRoute({ getParentRoute: () => root, path: '/sign-in', component: PartnerSignInPage }),
  createRoute({ getParentRoute: () => root, path: '/reset-password', component: PartnerResetPasswordPage }),
  createRoute({ getParentRoute: () => root, path: '/profile', component: PartnerProfilePage }),
  createRoute({ getParentRoute: () => root, path: '/notifications', component: NotificationsPage }),
  createRoute({ getParentRoute: () => root, path: '/catalog', component: PartnerCatalogPage }),
  createRoute({ getParentRoute: () => root, path: '/links', component: MyLinksPage }),
  createRoute({ getParentRoute: () => root, path: '/earnings', component: EarningsPage }),
  createRoute({ getParentRoute: () => root, path: '/payouts', component: PartnerPayoutsPage }),
  createRoute({ getParentRoute: () => root, path: '/orders', component: PartnerOrdersPage }),
  createRoute({ getParentRoute: () => root, path: '/orders/new', component: PartnerNewOrderPage }),
  createRoute({ getParentRoute: () => root, path: '/orders/$orderId', component: PartnerOrderPage }),
  createRoute({ getParentRoute: () => root, path: '/opportunities', component: PartnerOpportunitiesPage }),
  createRoute({ getParentRoute: () => root, path: '/customers', component: PartnerCustomersPage }),
  createRoute({ getParentRoute: () => root, path: '/join/$pageCode', component: PartnerJoinPage }),
]);

/** The partner app lives under /p/ (its PWA scope). */
export const router = createRouter({
  routeTree,
  basepath: '/p',
  defaultPendingComponent: PageLoader,
  defaultErrorComponent: RouteError,
});
