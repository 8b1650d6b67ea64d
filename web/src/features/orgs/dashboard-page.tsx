import { Badge, Card, Group, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import {
  IconChartBar,
  IconCoin,
  IconHistory,
  IconKey,
  IconSettings,
  IconShoppingCart,
  IconSpeakerphone,
  IconUserPlus,
  IconUsers,
} from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../ui/format';
import { useCan, useSignedInMe } from '../auth/session';

export function DashboardPage() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const can = useCan();
  const format = useFormat();
  const org = me.currentOrg!;
  const firstName = me.identity.fullName.trim().split(/\s+/).pop() ?? me.identity.fullName;
  const links = [
    { to: '/staff', label: t('dashboard.inviteStaff'), icon: IconUserPlus, allowed: can('members.invite') },
    { to: '/api-keys', label: t('dashboard.createApiKey'), icon: IconKey, allowed: can('api_keys.manage') },
    { to: '/audit-log', label: t('dashboard.viewAudit'), icon: IconHistory, allowed: can('audit.read') },
    { to: '/settings', label: t('dashboard.orgSettings'), icon: IconSettings, allowed: can('org.read') },
  ].filter((link) => link.allowed);
  const coming = [
    { key: 'partners', icon: IconUsers },
    { key: 'orders', icon: IconShoppingCart },
    { key: 'commissions', icon: IconCoin },
    { key: 'campaigns', icon: IconSpeakerphone },
    { key: 'reports', icon: IconChartBar },
  ];
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
      <div>
        <Title order={2} size="h4" mb="sm">
          {t('dashboard.comingTitle')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
          {coming.map((item) => (
            <Card key={item.key} withBorder radius="md" padding="md">
              <Group gap="sm" wrap="nowrap" align="flex-start">
                <ThemeIcon variant="light" color="gray" radius="md" aria-hidden>
                  <item.icon size={18} />
                </ThemeIcon>
                <div>
                  <Text size="sm" fw={600}>
                    {t(`dashboard.coming.${item.key}.title`)}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t(`dashboard.coming.${item.key}.text`)}
                  </Text>
                </div>
              </Group>
            </Card>
          ))}
        </SimpleGrid>
      </div>
    </Stack>
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
