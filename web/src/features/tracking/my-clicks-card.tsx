import { Card, Group, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api';
import { ErrorAlert } from '../../ui/error-alert';
import { useFormat } from '../../ui/format';
import { ClickBars } from './click-bars';
import type { MyClicks } from './types';

/** The partner's clicks per day over the last 30 days, newest first, as small bars. */
export function MyClicksCard({ enrollmentId }: { enrollmentId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const clicks = useQuery({
    queryKey: ['my-clicks', enrollmentId],
    queryFn: () => api.get<MyClicks>('/api/me/clicks', { enrollmentId }),
  });
  const days = [...(clicks.data?.days ?? [])].reverse();
  return (
    <Card withBorder radius="md" padding="sm">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h5">
          {t('tracking.mine.clicksTitle')}
        </Title>
        {clicks.data ? (
          <Text size="sm" c="dimmed" data-testid="my-clicks-total">
            {t('tracking.mine.clicksTotals', {
              total: format.number(clicks.data.totals.total),
              unique: format.number(clicks.data.totals.unique),
            })}
          </Text>
        ) : null}
      </Group>
      <ErrorAlert error={clicks.error} />
      {clicks.data && clicks.data.totals.total === 0 ? (
        <Text size="sm" c="dimmed">
          {t('tracking.mine.noClicks')}
        </Text>
      ) : null}
      {clicks.data && clicks.data.totals.total > 0 ? (
        <ClickBars
          rows={days.map((day) => ({ ...day, key: day.day }))}
          labelOf={(row) => format.day(`${row.key}T12:00:00Z`)}
        />
      ) : null}
    </Card>
  );
}
