import { Anchor, Badge, Grid, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api';
import { ErrorAlert } from '../../ui/error-alert';
import { PageHeader, PageLoader } from '../../ui/page';
import { PartnerBalanceCard } from '../ledger/partner-balance-card';
import { EnrollmentCard } from './enrollment-card';
import { KycCard } from './kyc-card';
import { NotesCard } from './notes-card';
import type { PartnerDetail } from './types';

/** Everything staff know about one partner: profile, enrollments, KYC, notes. */
export function PartnerPage() {
  const { t } = useTranslation();
  const { partnerId } = useParams({ strict: false }) as { partnerId: string };
  const partner = useQuery({
    queryKey: ['partner', partnerId],
    queryFn: () => api.get<PartnerDetail>(`/api/v1/partners/${partnerId}`),
  });
  if (partner.isLoading) return <PageLoader />;
  if (!partner.data) return <ErrorAlert error={partner.error} />;
  const data = partner.data;
  const facts: [string, string][] = [
    [t('joinFields.phone'), data.phone ?? '—'],
    [t('joinFields.email'), data.email ?? '—'],
    [t('joinFields.province'), data.profile.province ?? '—'],
    [t('kyc.fields.bankAccount'), data.profile.bankAccountMasked ?? '—'],
    [t('kyc.fields.citizenId'), data.profile.citizenIdMasked ?? '—'],
  ];
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/partners" size="sm">
        ← {t('partners.backToDirectory')}
      </Anchor>
      <PageHeader title={data.fullName} description={t('partners.partnerId', { id: data.id })} />
      {data.anonymised ? <Badge color="gray">{t('partners.anonymised')}</Badge> : null}
      <Paper withBorder radius="md" p="md" component="section" aria-labelledby="profile-heading">
        <Title order={2} size="h5" mb="sm" id="profile-heading">
          {t('partners.profile')}
        </Title>
        <SimpleGrid cols={{ base: 1, xs: 2, sm: 3 }} spacing="sm">
          {facts.map(([label, value]) => (
            <div key={label}>
              <Text size="xs" c="dimmed">
                {label}
              </Text>
              <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
                {value}
              </Text>
            </div>
          ))}
        </SimpleGrid>
        {data.profile.socialLinks.length > 0 ? (
          <Group gap="xs" mt="sm">
            {data.profile.socialLinks.map((link) => (
              <Anchor key={link} href={link} target="_blank" rel="noopener noreferrer" size="sm">
                {link}
              </Anchor>
            ))}
          </Group>
        ) : null}
      </Paper>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="md">
            <Title order={2} size="h4">
              {t('partners.enrollments')}
            </Title>
            {data.enrollments.map((enrollment) => (
              <EnrollmentCard key={enrollment.enrollmentId} partnerId={data.id} enrollment={enrollment} />
            ))}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="md">
            <PartnerBalanceCard partnerId={data.id} />
            <KycCard partnerId={data.id} />
            <NotesCard partnerId={data.id} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
