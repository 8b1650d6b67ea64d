import { Card, Group, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconBook, IconCoin, IconRocket, IconWallet } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api';
import { SignedInPartnerPage } from '../../partner/signed-in';
import { ErrorAlert } from '../../ui/error-alert';
import { EmptyCard, PageLoader } from '../../ui/page';
import { type MyEnrollment, PartnerEnrollmentCard } from './partner-enrollment-card';
import { PartnerRecruits } from './partner-recruits';

const ENROLLMENTS_KEY = ['my-enrollments'];
const fetchEnrollments = () => api.get<{ items: MyEnrollment[] }>('/api/me/enrollments');

/** The partner's home: their programs with link, code and QR; their recruits; what comes next. */
export function PartnerHomePage() {
  return <SignedInPartnerPage>{(me) => <HomeContent fullName={me.identity.fullName} />}</SignedInPartnerPage>;
}

/** Greeting and programs appear together, once the programs are known (no jump in the layout). */
function HomeContent({ fullName }: { fullName: string }) {
  const { t } = useTranslation();
  const enrollments = useQuery({ queryKey: ENROLLMENTS_KEY, queryFn: fetchEnrollments });
  if (enrollments.isLoading) return <PageLoader />;
  const name = fullName.trim().split(/\s+/).pop() ?? '';
  const items = enrollments.data?.items ?? [];
  return (
    <>
      <div>
        <Title order={1} size="h2" data-testid="partner-greeting">
          {t('partner.greeting', { name })}
        </Title>
        <Text c="dimmed" size="sm" mt={4}>
          {t('partner.intro')}
        </Text>
      </div>
      <section aria-labelledby="programs-heading">
        <Title order={2} size="h4" mb="sm" id="programs-heading">
          {t('partner.programs')}
        </Title>
        <ErrorAlert error={enrollments.error} />
        {enrollments.isSuccess && items.length === 0 ? (
          <EmptyCard
            icon={<IconRocket size={26} />}
            title={t('partner.programsEmpty')}
            description={t('partner.programsEmptyText')}
          />
        ) : null}
        <Stack gap="md">
          {items.map((enrollment) => (
            <PartnerEnrollmentCard key={enrollment.id} enrollment={enrollment} />
          ))}
        </Stack>
      </section>
      <PartnerRecruits />
      <ComingTiles />
    </>
  );
}

function ComingTiles() {
  const { t } = useTranslation();
  const tiles = [
    { key: 'earnings', icon: IconCoin, to: '/earnings' },
    { key: 'payouts', icon: IconWallet, to: '/payouts' },
    { key: 'training', icon: IconBook },
  ];
  return (
    <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
      {tiles.map((tile) => (
        <Card
          key={tile.key}
          withBorder
          radius="md"
          padding="md"
          {...(tile.to ? { component: Link, to: tile.to, 'data-testid': `partner-tile-${tile.key}` } : {})}
        >
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
  );
}
