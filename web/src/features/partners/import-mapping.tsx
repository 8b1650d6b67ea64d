import { Alert, Button, Group, Paper, Select, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api';
import { ErrorAlert } from '../../ui/error-alert';
import { useFormat } from '../../ui/format';
import {
  IMPORT_TARGETS,
  type ImportPreview,
  type ImportMapping as Mapping,
  type UploadedImport,
} from './import-types';

/** Step 2: which column holds which field; the preview lists rows that cannot be imported. */
export function ImportMapping({
  upload,
  onRun,
  onRestart,
}: {
  upload: UploadedImport;
  onRun: (importId: string) => void;
  onRestart: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const [mapping, setMapping] = useState<Mapping>(upload.suggestedMapping);
  const preview = useMutation({
    mutationFn: () =>
      api.put<ImportPreview>(`/api/v1/partner-imports/${upload.importId}/mapping`, { mapping }),
  });
  const run = useMutation({
    mutationFn: () => api.post(`/api/v1/partner-imports/${upload.importId}/run`),
    onSuccess: () => onRun(upload.importId),
  });
  const change = (target: string, column: string | null) => {
    const next = { ...mapping };
    if (column) next[target] = column;
    else delete next[target];
    setMapping(next);
    preview.reset();
  };
  const checked = preview.data;
  const mapped = Object.entries(mapping);
  return (
    <Stack>
      <Paper withBorder radius="md" p="md" component="section" aria-label={t('imports.steps.map')}>
        <Text size="sm" mb="sm">
          {t('imports.mapText', { count: upload.totalRows })}
        </Text>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="sm">
          {IMPORT_TARGETS.map((target) => (
            <Select
              key={target}
              label={t(`imports.targets.${target}`)}
              placeholder={t('imports.notImported')}
              clearable
              data={upload.columns}
              value={mapping[target] ?? null}
              onChange={(column) => change(target, column)}
            />
          ))}
        </SimpleGrid>
        {upload.sampleRows.length > 0 && mapped.length > 0 ? (
          <Table.ScrollContainer minWidth={560} mt="md">
            <Table verticalSpacing={4} fz="sm" withTableBorder>
              <Table.Thead>
                <Table.Tr>
                  {mapped.map(([target]) => (
                    <Table.Th key={target}>{t(`imports.targets.${target}`)}</Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {upload.sampleRows.map((row, index) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: sample rows have no id and never reorder
                  <Table.Tr key={index}>
                    {mapped.map(([target, column]) => (
                      <Table.Td key={target}>{row[column] ?? ''}</Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ) : null}
        <Group justify="space-between" mt="md">
          <Button variant="subtle" onClick={onRestart}>
            {t('imports.startOver')}
          </Button>
          <Button
            variant="light"
            onClick={() => preview.mutate()}
            loading={preview.isPending}
            data-testid="import-preview"
          >
            {t('imports.preview')}
          </Button>
        </Group>
      </Paper>
      <ErrorAlert error={preview.error ?? run.error} />
      {checked ? (
        <Paper withBorder radius="md" p="md" component="section" aria-label={t('imports.preview')}>
          <Alert color={checked.invalid > 0 ? 'yellow' : 'teal'} mb="sm">
            {t('imports.previewSummary', {
              valid: format.number(checked.valid),
              invalid: format.number(checked.invalid),
            })}
          </Alert>
          {checked.errors.length > 0 ? (
            <Table.ScrollContainer minWidth={480}>
              <Table verticalSpacing={4} fz="sm">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('imports.row')}</Table.Th>
                    <Table.Th>{t('imports.field')}</Table.Th>
                    <Table.Th>{t('imports.problem')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {checked.errors.map((error) => (
                    <Table.Tr key={`${error.row}-${error.field}-${error.message}`}>
                      <Table.Td>{error.row}</Table.Td>
                      <Table.Td>
                        {t(`imports.targets.${error.field}`, { defaultValue: error.field })}
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" c="red">
                          {t('imports.rowInvalid')}
                        </Text>
                        <Text size="xs" c="dimmed" lang="en">
                          {error.message}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          ) : null}
          <Group justify="flex-end" mt="md">
            <Button onClick={() => run.mutate()} loading={run.isPending} disabled={checked.valid === 0}>
              {t('imports.run', { count: checked.valid })}
            </Button>
          </Group>
        </Paper>
      ) : null}
    </Stack>
  );
}
