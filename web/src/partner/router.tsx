import { createRootRoute, createRoute, createRouter, Outlet } from '@tanstack/react-router';
import { NotificationsPage } from '../features/notifications/notifications-page';
import { PartnerResetPasswordPage, PartnerSignInPage } from '../features/partners/partner-auth-pages';
import { PartnerHomePage } from '../features/partners/partner-home-page';
import { PartnerJoinPage } from '../features/partners/partner-join-page';
import { PartnerProfilePage } from '../features/partners/partner-profile-page';
import { NotFoundPage, RouteError } from '../ui/not-found';
import { PageLoader } from '../ui/page';

const root = createRootRoute({ component: Outlet, notFoundComponent: NotFoundPage });

const routeTree = root.addChildren([
  createRoute({ getParentRoute: () => root, path: '/', component: PartnerHomePage }),
  createRoute({ getParentRoute: () => root, path: '/sign-in', component: PartnerSignInPage }),
  createRoute({ getParentRoute: () => root, path: '/reset-password', component: PartnerResetPasswordPage }),
  createRoute({ getParentRoute: () => root, path: '/profile', component: PartnerProfilePage }),
  createRoute({ getParentRoute: () => root, path: '/notifications', component: NotificationsPage }),
  createRoute({ getParentRoute: () => root, path: '/join/$pageCode', component: PartnerJoinPage }),
]);

/** The partner app lives under /p/ (its PWA scope). */
export const router = createRouter({
  routeTree,
  basepath: '/p',
  defaultPendingComponent: PageLoader,
  defaultErrorComponent: RouteError,
});
