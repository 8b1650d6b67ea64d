import { Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api';
import { ErrorAlert } from '../../ui/error-alert';
import { useFormat } from '../../ui/format';
import { PageLoader } from '../../ui/page';
import { EnrollmentStatusBadge } from './status-badge';
import type { EnrollmentStatus } from './types';

type Recruit = {
  enrollmentId: string;
  name: string;
  program: string;
  status: EnrollmentStatus;
  joinedAt: string;
};
type Recruits = { levels: { level: number; count: number }[]; items: Recruit[] };

/** The partners this partner recruited (their direct downline). */
export function PartnerRecruits() {
  const { t } = useTranslation();
  const format = useFormat();
  const recruits = useQuery({
    queryKey: ['my-recruits'],
    queryFn: () => api.get<Recruits>('/api/me/recruits'),
  });
  const items = recruits.data?.items ?? [];
  return (
    <section aria-labelledby="recruits-heading">
      <Title order={2} size="h4" mb="sm" id="recruits-heading">
        {t('partnerApp.recruits')}
      </Title>
      {recruits.data && recruits.data.levels.length > 0 ? (
        <Text size="sm" mb="sm" data-testid="recruit-levels">
          {recruits.data.levels
            .map((item) => t('partners.levelCount', { level: item.level, count: item.count }))
            .join(' · ')}
        </Text>
      ) : null}
      <ErrorAlert error={recruits.error} />
      {recruits.isLoading ? <PageLoader /> : null}
      {recruits.isSuccess && items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('partnerApp.recruitsEmpty')}
        </Text>
      ) : null}
      <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {items.map((recruit) => (
          <Paper key={recruit.enrollmentId} withBorder radius="md" p="sm" component="li">
            <Text size="sm" fw={600}>
              {recruit.name}
            </Text>
            <Text size="xs" c="dimmed" mb={4}>
              {[recruit.program, format.day(recruit.joinedAt)].filter(Boolean).join(' · ')}
            </Text>
            <EnrollmentStatusBadge status={recruit.status} />
          </Paper>
        ))}
      </Stack>
    </section>
  );
}
