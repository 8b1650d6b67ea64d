import {
  Badge,
  Box,
  Card,
  Group,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  ThemeIcon,
  Title,
  Tooltip,
  UnstyledButton,
} from '@mantine/core';
import {
  IconAlertTriangle,
  IconBulb,
  IconChecklist,
  IconCircleCheck,
  IconClipboardCheck,
  IconHistory,
  IconKey,
  IconScale,
  IconSettings,
  IconUserPlus,
} from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Permission } from '../../lib/types';
import { ErrorAlert } from '../../ui/error-alert';
import { useFormat } from '../../ui/format';
import { useCan, useSignedInMe } from '../auth/session';
import { type Overview, useOverview } from './overview';

/** The home page: what waits for people, the last 30 days at a glance, and the way to the rest. */
export function DashboardPage() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const can = useCan();
  const format = useFormat();
  const overview = useOverview();
  const org = me.currentOrg!;
  const firstName = me.identity.fullName.trim().split(/\s+/).pop() ?? me.identity.fullName;
  const links = [
    { to: '/staff', label: t('dashboard.inviteStaff'), icon: IconUserPlus, allowed: can('members.invite') },
    { to: '/api-keys', label: t('dashboard.createApiKey'), icon: IconKey, allowed: can('api_keys.manage') },
    { to: '/audit-log', label: t('dashboard.viewAudit'), icon: IconHistory, allowed: can('audit.read') },
    { to: '/settings', label: t('dashboard.orgSettings'), icon: IconSettings, allowed: can('org.read') },
  ].filter((link) => link.allowed);
  return (
    <Stack gap="lg">
      <div>
        <Title order={1} size="h2" data-testid="dashboard-welcome">
          {t('dashboard.welcome', { name: firstName })}
        </Title>
        <Text c="dimmed" mt={4}>
          {t('dashboard.intro', { org: org.name })}
        </Text>
      </div>
      <ErrorAlert error={overview.error} />
      {overview.isLoading ? (
        <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm">
          {[0, 1, 2, 3].map((key) => (
            <Skeleton key={key} height={92} radius="md" />
          ))}
        </SimpleGrid>
      ) : null}
      {overview.data ? <Figures overview={overview.data} can={can} /> : null}
      <Card withBorder radius="md" padding="lg">
        <Group justify="space-between" mb="sm">
          <Text fw={600}>{org.name}</Text>
          <Badge variant="light">{t(`roles.${org.role}`)}</Badge>
        </Group>
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="md">
          <Fact label={t('orgs.currency')} value={org.currency} />
          <Fact label={t('orgs.locale')} value={t(`locales.${org.locale}`, { defaultValue: org.locale })} />
          <Fact label={t('orgs.timeZone')} value={org.timeZone} />
          <Fact label={t('dashboard.todayLabel')} value={format.day(new Date())} />
        </SimpleGrid>
      </Card>
      {links.length > 0 ? (
        <div>
          <Title order={2} size="h4" mb="sm">
            {t('dashboard.quickLinks')}
          </Title>
          <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
            {links.map((link) => (
              <Card key={link.to} withBorder radius="md" padding="md" component={Link} to={link.to}>
                <Group gap="sm" wrap="nowrap">
                  <ThemeIcon variant="light" radius="md" aria-hidden>
                    <link.icon size={18} />
                  </ThemeIcon>
                  <Text size="sm" fw={500}>
                    {link.label}
                  </Text>
                </Group>
              </Card>
            ))}
          </SimpleGrid>
        </div>
      ) : null}
    </Stack>
  );
}

/** A day of the organisation's calendar as a moment inside it, whatever the display time zone's offset. */
const noonOf = (day: string) => `${day}T12:00:00Z`;

type Waiting = { key: string; count: number; to: string; icon: typeof IconChecklist; permission: Permission };

function Figures({ overview, can }: { overview: Overview; can: (permission: Permission) => boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const localDay = (day: string) => format.day(noonOf(day));
  const money = (minor: string) => format.money(minor, overview.currency);
  const { partners, orders, commissions, clicks } = overview;
  const waiting: Waiting[] = [
    orders && { key: 'toConfirm', count: orders.toConfirm, to: '/order-queue', icon: IconClipboardCheck },
    orders && { key: 'openAlerts', count: orders.openAlerts, to: '/order-queue', icon: IconAlertTriangle },
    partners && { key: 'pendingApprovals', count: partners.pending, to: '/approvals', icon: IconChecklist },
    commissions && {
      key: 'inReview',
      count: commissions.inReview,
      to: '/commissions?status=review',
      icon: IconScale,
    },
    orders && {
      key: 'openOpportunities',
      count: orders.openOpportunities,
      to: '/opportunities',
      icon: IconBulb,
    },
  ]
    .filter((item): item is Omit<Waiting, 'permission'> => Boolean(item))
    .map((item) => ({ ...item, permission: PERMISSION_OF[item.key]! }))
    .filter((item) => item.count > 0 && can(item.permission));
  return (
    <>
      <section aria-labelledby="dashboard-waiting">
        <Title order={2} size="h4" mb="sm" id="dashboard-waiting">
          {t('dashboard.waitingTitle')}
        </Title>
        {waiting.length === 0 ? (
          <Card withBorder radius="md" padding="md" data-testid="dashboard-all-clear">
            <Group gap="sm" wrap="nowrap">
              <ThemeIcon variant="light" color="teal" radius="md" aria-hidden>
                <IconCircleCheck size={18} />
              </ThemeIcon>
              <Text size="sm">{t('dashboard.allClear')}</Text>
            </Group>
          </Card>
        ) : (
          <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="sm">
            {waiting.map((item) => (
              <Card
                key={item.key}
                withBorder
                radius="md"
                padding="md"
                component={Link}
                to={item.to}
                data-testid={`dashboard-waiting-${item.key}`}
              >
                <Group gap="sm" wrap="nowrap">
                  <ThemeIcon variant="light" color="orange" radius="md" aria-hidden>
                    <item.icon size={18} />
                  </ThemeIcon>
                  <Text size="sm" fw={500}>
                    {t(`dashboard.waiting.${item.key}`, { count: item.count })}
                  </Text>
                </Group>
              </Card>
            ))}
          </SimpleGrid>
        )}
      </section>
      <section aria-labelledby="dashboard-recent">
        <Title order={2} size="h4" mb="sm" id="dashboard-recent">
          {t('dashboard.recentTitle', { from: localDay(overview.from), to: localDay(overview.to) })}
        </Title>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
          {orders ? (
            <Figure
              label={t('dashboard.revenue')}
              value={money(orders.revenueMinor)}
              note={t('dashboard.orders', { count: orders.count })}
              to="/orders"
              testId="dashboard-revenue"
            />
          ) : null}
          {partners ? (
            <Figure
              label={t('dashboard.partners')}
              value={format.number(partners.approved)}
              note={t('dashboard.joined', { count: partners.joined })}
              to="/partners"
              testId="dashboard-partners"
            />
          ) : null}
          {commissions ? (
            <Figure
              label={t('dashboard.payable')}
              value={money(commissions.payableMinor)}
              note={t('dashboard.onHoldPending', {
                onHold: money(commissions.onHoldMinor),
                pending: money(commissions.pendingMinor),
              })}
              to="/ledger"
              testId="dashboard-payable"
            />
          ) : null}
          {clicks ? (
            <Figure
              label={t('dashboard.clicks', { count: clicks.days })}
              value={format.number(clicks.total)}
              note={t('dashboard.uniqueClicks', { count: clicks.unique })}
              to="/reports/clicks"
              testId="dashboard-clicks"
            />
          ) : null}
        </SimpleGrid>
        {orders ? <RevenueChart overview={overview} byDay={orders.byDay} /> : null}
      </section>
    </>
  );
}

const PERMISSION_OF: Record<string, Permission> = {
  toConfirm: 'orders.read',
  openAlerts: 'orders.read',
  pendingApprovals: 'partners.approve',
  inReview: 'commissions.read',
  openOpportunities: 'orders.read',
};

function Figure(props: { label: string; value: string; note: ReactNode; to: string; testId: string }) {
  return (
    <Card withBorder radius="md" padding="md" component={Link} to={props.to} data-testid={props.testId}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {props.label}
      </Text>
      <Text size="xl" fw={700} mt={4} data-testid={`${props.testId}-value`}>
        {props.value}
      </Text>
      <Text size="xs" c="dimmed" mt={2}>
        {props.note}
      </Text>
    </Card>
  );
}

/** Revenue per day as bars; each bar names its day, orders and revenue (hover, focus, screen readers). */
function RevenueChart({
  overview,
  byDay,
}: {
  overview: Overview;
  byDay: NonNullable<Overview['orders']>['byDay'];
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const highest = byDay.reduce(
    (max, day) => (BigInt(day.revenueMinor) > max ? BigInt(day.revenueMinor) : max),
    0n,
  );
  return (
    <Card withBorder radius="md" padding="md" mt="sm">
      <Text size="sm" fw={600} mb="xs" id="dashboard-chart-title">
        {t('dashboard.chartTitle')}
      </Text>
      <Box
        role="list"
        aria-labelledby="dashboard-chart-title"
        style={{ display: 'flex', alignItems: 'flex-end', gap: 2, height: 120 }}
        data-testid="dashboard-chart"
      >
        {byDay.map((day) => {
          const revenue = BigInt(day.revenueMinor);
          // in whole percent, from exact integers
          const percent = highest === 0n ? 0 : Number((revenue * 100n) / highest);
          const label = t('dashboard.chartBar', {
            day: format.day(noonOf(day.day)),
            count: day.orders,
            revenue: format.money(day.revenueMinor, overview.currency),
          });
          return (
            <Tooltip key={day.day} label={label} withArrow>
              <UnstyledButton
                role="listitem"
                aria-label={label}
                style={{
                  flex: 1,
                  minWidth: 0,
                  height: `${Math.max(percent, revenue > 0n ? 3 : 1)}%`,
                  background: revenue > 0n ? 'var(--mantine-color-teal-5)' : 'var(--mantine-color-gray-3)',
                  borderRadius: 2,
                }}
              />
            </Tooltip>
          );
        })}
      </Box>
      <Group justify="space-between" mt={4}>
        <Text size="xs" c="dimmed">
          {format.day(noonOf(overview.from))}
        </Text>
        <Text size="xs" c="dimmed">
          {format.day(noonOf(overview.to))}
        </Text>
      </Group>
    </Card>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="sm" fw={500}>
        {value}
      </Text>
    </div>
  );
}
