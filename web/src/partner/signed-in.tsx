import { ActionIcon, Alert, Button, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { IconLogout } from '@tabler/icons-react';
import { Navigate, useNavigate, useRouterState } from '@tanstack/react-router';
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
  { to: '/', key: 'home' },
  { to: '/profile', key: 'profile' },
] as const;

/** The frame of a signed-in partner page: guard, sign-out, the two tabs, then the page. */
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
      <Stack gap="lg">
        <SegmentedControl
          fullWidth
          aria-label={t('nav.main')}
          value={TABS.find((tab) => tab.to === current)?.to ?? '/'}
          onChange={(to) => navigate({ to })}
          data={TABS.map((tab) => ({ value: tab.to, label: t(`partnerApp.tabs.${tab.key}`) }))}
        />
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
    </PartnerFrame>
  );
}
