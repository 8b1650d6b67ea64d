import {
  Alert,
  AppShell,
  Burger,
  Button,
  Container,
  Group,
  NavLink,
  ScrollArea,
  Stack,
  Text,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { Link, Navigate, Outlet, useRouterState } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '../features/auth/session';
import { SessionLanguageSwitcher } from '../features/auth/session-language-switcher';
import { NotificationBell } from '../features/notifications/notification-bell';
import { CreateOrgForm, OrgSwitcher } from '../features/orgs/org-switcher';
import { api } from '../lib/api';
import { ErrorAlert } from '../ui/error-alert';
import { TimeZoneProvider } from '../ui/format';
import { Logo } from '../ui/logo';
import { PageLoader } from '../ui/page';
import { NAV_ITEMS } from './nav';
import { UserMenu } from './user-menu';

/** Whether this server keeps mail in the development outbox (it answers 404 when SMTP is set). */
export function useOutboxAvailable(): boolean {
  const query = useQuery({
    queryKey: ['outbox-available'],
    queryFn: () => api.get('/api/dev/outbox', { limit: 1 }).then(() => true),
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
  return query.data === true;
}

/** Signed-in layout: guards the session, then header, navigation and the page. */
export function StaffShell() {
  const { t } = useTranslation();
  const me = useMe();
  if (me.isLoading) return <PageLoader />;
  if (me.error)
    return (
      <Container py="xl">
        <ErrorAlert error={me.error} />
      </Container>
    );
  if (!me.data) return <Navigate to="/sign-in" replace />;
  if (me.data.app === 'partner')
    return (
      <Container py="xl" size="xs">
        <Alert title={t('shell.partnerAccountTitle')}>
          <Stack>
            <Text size="sm">{t('shell.partnerAccount')}</Text>
            <Button component="a" href="/p/">
              {t('shell.openPartnerApp')}
            </Button>
          </Stack>
        </Alert>
      </Container>
    );
  return (
    <TimeZoneProvider timeZone={me.data.currentOrg?.timeZone ?? 'Asia/Ho_Chi_Minh'}>
      <ShellFrame />
    </TimeZoneProvider>
  );
}

function ShellFrame() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const [opened, { toggle, close }] = useDisclosure(false);
  const pathname = useRouterState({ select: (state) => state.location.pathname });
  const outbox = useOutboxAvailable();
  if (!me) return null;
  const items = NAV_ITEMS.filter(
    (item) => (!item.permission || me.permissions.includes(item.permission)) && (!item.devOnly || outbox),
  );
  const mustSetUpTwoFactor = me.twoFactorSetupRequired && pathname !== '/account';
  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 248, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding={{ base: 'sm', sm: 'lg' }}
    >
      <AppShell.Header>
        <Group h="100%" px="sm" justify="space-between" wrap="nowrap" gap="xs">
          <Group gap="xs" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('nav.toggle')} />
            <Link to="/" aria-label={t('nav.dashboard')} style={{ textDecoration: 'none', color: 'inherit' }}>
              <Group visibleFrom="xs">
                <Logo />
              </Group>
            </Link>
            {me.currentOrg ? <OrgSwitcher /> : null}
          </Group>
          <Group gap={4} wrap="nowrap">
            <SessionLanguageSwitcher />
            {me.currentOrg ? <NotificationBell /> : null}
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label={t('nav.main')}>
        <ScrollArea>
          <nav>
            {items.map((item) => {
              const active = pathname === item.to || (item.to !== '/' && pathname.startsWith(`${item.to}/`));
              return (
                <NavLink
                  key={item.to}
                  component={Link}
                  to={item.to}
                  label={t(item.labelKey)}
                  leftSection={<item.icon size={18} stroke={1.6} aria-hidden />}
                  active={active}
                  aria-current={active ? 'page' : undefined}
                  onClick={close}
                  style={{ borderRadius: 'var(--mantine-radius-md)' }}
                />
              );
            })}
          </nav>
        </ScrollArea>
      </AppShell.Navbar>
      <AppShell.Main bg="var(--mantine-color-gray-0)">
        <Container size="lg" px={0}>
          {mustSetUpTwoFactor ? (
            <Alert color="yellow" mb="md" title={t('shell.twoFactorRequiredTitle')}>
              <Group justify="space-between">
                <Text size="sm">{t('shell.twoFactorRequired')}</Text>
                <Button component={Link} to="/account" size="xs">
                  {t('shell.setUpNow')}
                </Button>
              </Group>
            </Alert>
          ) : null}
          {me.currentOrg || pathname === '/account' ? <Outlet /> : <NoOrganisation />}
        </Container>
      </AppShell.Main>
    </AppShell>
  );
}

function NoOrganisation() {
  const { t } = useTranslation();
  return (
    <Container size="xs" py="xl">
      <Stack>
        <Text fw={600} size="lg">
          {t('orgs.noneTitle')}
        </Text>
        <Text c="dimmed" size="sm">
          {t('orgs.noneText')}
        </Text>
        <CreateOrgForm />
      </Stack>
    </Container>
  );
}
