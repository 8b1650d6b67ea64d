import { ActionIcon, Alert, Box, Button, Group, Stack, Text, UnstyledButton } from '@mantine/core';
import {
  IconHome,
  IconLink,
  IconLogout,
  IconReceipt,
  IconShoppingBag,
  IconUserCircle,
} from '@tabler/icons-react';
import { Link, Navigate, useNavigate, useRouterState } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe, useSessionActions } from '../features/auth/session';
import { NotificationBell } from '../features/notifications/notification-bell';
import type { Me } from '../lib/types';
import { ErrorAlert } from '../ui/error-alert';
import { notifyError } from '../ui/notify';
import { PageLoader } from '../ui/page';
import { PartnerFrame } from './layout';

const TABS = [
  { to: '/', key: 'home', icon: IconHome },
  { to: '/catalog', key: 'catalog', icon: IconShoppingBag },
  { to: '/links', key: 'links', icon: IconLink },
  { to: '/orders', key: 'orders', icon: IconReceipt },
  { to: '/profile', key: 'profile', icon: IconUserCircle },
] as const;

/** Which tab a page belongs to: pages below a tab (/orders/new) keep it lit. */
const SECTION_OF: Record<string, string> = { '/customers': '/orders', '/opportunities': '/orders' };

function tabOf(path: string): string {
  const section = Object.keys(SECTION_OF).find((prefix) => path.startsWith(prefix));
  if (section) return SECTION_OF[section]!;
  return TABS.find((tab) => tab.to !== '/' && path.startsWith(tab.to))?.to ?? (path === '/' ? '/' : '');
}

/** The phone's bottom tab bar: the partner app's five sections, thumb-reachable. */
function BottomTabs({ current }: { current: string }) {
  const { t } = useTranslation();
  const active = tabOf(current);
  return (
    <Box
      component="nav"
      aria-label={t('nav.main')}
      bg="var(--mantine-color-body)"
      style={{
        position: 'fixed',
        bottom: 0,
        left: 0,
        right: 0,
        zIndex: 10,
        borderTop: '1px solid var(--mantine-color-gray-3)',
        paddingBottom: 'env(safe-area-inset-bottom)',
      }}
    >
      <Group grow gap={0} maw={560} mx="auto" wrap="nowrap">
        {TABS.map((tab) => {
          const selected = active === tab.to;
          return (
            <UnstyledButton
              key={tab.to}
              component={Link}
              to={tab.to}
              aria-current={selected ? 'page' : undefined}
              data-testid={`partner-tab-${tab.key}`}
              py={6}
              style={{
                textAlign: 'center',
                color: selected ? 'var(--mantine-primary-color-filled)' : 'var(--mantine-color-dimmed)',
              }}
            >
              <Stack gap={0} align="center">
                <tab.icon size={22} stroke={selected ? 2 : 1.5} />
                <Text size="xs" fw={selected ? 600 : 400} c="inherit" lineClamp={1}>
                  {t(`partnerApp.tabs.${tab.key}`)}
                </Text>
              </Stack>
            </UnstyledButton>
          );
        })}
      </Group>
    </Box>
  );
}

/** The frame of a signed-in partner page: guard, sign-out, the page, then the bottom tabs. */
export function SignedInPartnerPage({ children }: { children: (me: Me) => ReactNode }) {
  const { t } = useTranslation();
  const me = useMe();
  const session = useSessionActions();
  const navigate = useNavigate();
  const pathname = useRouterState({ select: (state) => state.location.pathname });
  if (me.isLoading) return <PageLoader />;
  if (me.error)
    return (
      <PartnerFrame>
        <Stack>
          <ErrorAlert error={me.error} />
          <Button variant="light" onClick={() => me.refetch()} loading={me.isFetching}>
            {t('common.retry')}
          </Button>
        </Stack>
      </PartnerFrame>
    );
  if (!me.data) return <Navigate to="/sign-in" replace />;
  const signOut = () =>
    session
      .signOut()
      .then(() => navigate({ to: '/sign-in' }))
      .catch(notifyError);
  const current = pathname.replace(/^\/p/, '') || '/';
  return (
    <PartnerFrame
      actions={
        <>
          {me.data.app === 'partner' ? <NotificationBell /> : null}
          <ActionIcon
            variant="subtle"
            color="gray"
            size="lg"
            onClick={signOut}
            aria-label={t('account.signOut')}
            data-testid="partner-sign-out"
          >
            <IconLogout size={18} />
          </ActionIcon>
        </>
      }
    >
      <Stack gap="lg" pb={72}>
        {me.data.app === 'staff' ? (
          <Alert color="yellow">
            <Group justify="space-between" gap="xs">
              <Text size="sm">{t('partner.staffAccount')}</Text>
              <Button component="a" href="/" size="xs">
                {t('partner.openStaffApp')}
              </Button>
            </Group>
          </Alert>
        ) : null}
        {children(me.data)}
      </Stack>
      <BottomTabs current={current} />
    </PartnerFrame>
  );
}
