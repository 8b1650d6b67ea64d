import { Alert, Button, Group, Paper, Progress, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api';
import { ErrorAlert } from '../../ui/error-alert';
import { useFormat } from '../../ui/format';
import type { PartnerImport } from './import-types';

/** Polls a running import every second; then totals and the downloadable row report. */
export function ImportProgress({ importId, onRestart }: { importId: string; onRestart: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const current = useQuery({
    queryKey: ['partner-import', importId],
    queryFn: () => api.get<PartnerImport>(`/api/v1/partner-imports/${importId}`),
    refetchInterval: (query) =>
      query.state.data?.status === 'done' || query.state.data?.status === 'failed' ? false : 1000,
  });
  const data = current.data;
  const finished = data?.status === 'done' || data?.status === 'failed';
  useEffect(() => {
    if (finished) void queryClient.invalidateQueries({ queryKey: ['partners'] });
  }, [finished, queryClient]);
  const percent = data && data.totalRows > 0 ? Math.round((data.processedRows / data.totalRows) * 100) : 0;
  const totals = data
    ? ([
        ['created', data.created],
        ['updated', data.updated],
        ['unchanged', data.unchanged],
        ['errors', data.errors],
      ] as const)
    : [];
  return (
    <Paper withBorder radius="md" p="md">
      <Stack>
        <ErrorAlert error={current.error} />
        {data ? (
          <>
            <Text size="sm">
              {t('imports.progress', {
                done: format.number(data.processedRows),
                total: format.number(data.totalRows),
              })}
            </Text>
            <Progress
              value={finished ? 100 : percent}
              animated={!finished}
              size="lg"
              aria-label={t('imports.progressLabel')}
              aria-valuenow={percent}
            />
            {data.status === 'failed' ? <Alert color="red">{t('imports.failed')}</Alert> : null}
            {finished ? (
              <SimpleGrid cols={{ base: 2, sm: 4 }}>
                {totals.map(([key, count]) => (
                  <div key={key}>
                    <Text size="xs" c="dimmed">
                      {t(`imports.totals.${key}`)}
                    </Text>
                    <Text fw={700} size="lg" c={key === 'errors' && count > 0 ? 'red' : undefined}>
                      {format.number(count)}
                    </Text>
                  </div>
                ))}
              </SimpleGrid>
            ) : null}
            {finished ? (
              <Group justify="space-between">
                <Button variant="subtle" onClick={onRestart}>
                  {t('imports.another')}
                </Button>
                <Button
                  component="a"
                  href={`/api/v1/partner-imports/${importId}/report.csv`}
                  download
                  leftSection={<IconDownload size={16} aria-hidden />}
                >
                  {t('imports.report')}
                </Button>
              </Group>
            ) : null}
          </>
        ) : null}
      </Stack>
    </Paper>
  );
}
