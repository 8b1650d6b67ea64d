import {
  ActionIcon,
  Alert,
  Button,
  Card,
  Group,
  SimpleGrid,
  Stack,
  Text,
  ThemeIcon,
  Title,
} from '@mantine/core';
import { IconBook, IconCoin, IconLogout, IconRocket, IconWallet } from '@tabler/icons-react';
import { Navigate, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { PartnerFrame } from '../../partner/layout';
import { ErrorAlert } from '../../ui/error-alert';
import { notifyError } from '../../ui/notify';
import { EmptyCard, PageLoader } from '../../ui/page';
import { useMe, useSessionActions } from '../auth/session';

/** The partner's home: greeting and what will fill it as programs arrive. */
export function PartnerHomePage() {
  const { t } = useTranslation();
  const me = useMe();
  const session = useSessionActions();
  const navigate = useNavigate();
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
  const name = me.data.identity.fullName.trim().split(/\s+/).pop() ?? '';
  const tiles = [
    { key: 'earnings', icon: IconCoin },
    { key: 'payouts', icon: IconWallet },
    { key: 'training', icon: IconBook },
  ];
  return (
    <PartnerFrame
      actions={
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
      }
    >
      <Stack gap="lg">
        <div>
          <Title order={1} size="h2" data-testid="partner-greeting">
            {t('partner.greeting', { name })}
          </Title>
          <Text c="dimmed" size="sm" mt={4}>
            {t('partner.intro')}
          </Text>
        </div>
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
        <section aria-labelledby="programs-heading">
          <Title order={2} size="h4" mb="sm" id="programs-heading">
            {t('partner.programs')}
          </Title>
          <EmptyCard
            icon={<IconRocket size={26} />}
            title={t('partner.programsEmpty')}
            description={t('partner.programsEmptyText')}
          />
        </section>
        <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
          {tiles.map((tile) => (
            <Card key={tile.key} withBorder radius="md" padding="md">
              <Group gap="sm" wrap="nowrap" align="flex-start">
                <ThemeIcon variant="light" radius="md" aria-hidden>
                  <tile.icon size={18} />
                </ThemeIcon>
                <div>
                  <Text size="sm" fw={600}>
                    {t(`partner.tiles.${tile.key}.title`)}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t(`partner.tiles.${tile.key}.text`)}
                  </Text>
                </div>
              </Group>
            </Card>
          ))}
        </SimpleGrid>
      </Stack>
    </PartnerFrame>
  );
}
