import {
  Alert,
  Badge,
  Button,
  FileInput,
  Group,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IconDownload, IconFileSpreadsheet, IconUpload } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api';
import { ErrorAlert } from '../../ui/error-alert';
import { PageHeader } from '../../ui/page';
import { CATEGORIES_KEY, PRODUCTS_KEY } from './api';
import type { ImportReport } from './types';

const OUTCOME_COLORS = { created: 'teal', updated: 'blue', unchanged: 'gray', error: 'red' } as const;

/** Upload a CSV or XLSX of products, check it without writing, import it, read the row report. */
export function ProductImportPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const run = useMutation({
    mutationFn: (dryRun: boolean) => {
      const form = new FormData();
      form.set('file', file as File);
      form.set('dryRun', String(dryRun));
      return api.upload<ImportReport>('/api/v1/product-imports', form);
    },
    onSuccess: (result) => {
      setReport(result);
      if (!result.dryRun) {
        void queryClient.invalidateQueries({ queryKey: [PRODUCTS_KEY] });
        void queryClient.invalidateQueries({ queryKey: CATEGORIES_KEY });
      }
    },
    onError: () => setReport(null),
  });
  return (
    <>
      <PageHeader title={t('catalog.import.title')} description={t('catalog.import.text')} />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md" mb="lg">
        <Paper withBorder radius="md" p="md">
          <Stack>
            <FileInput
              label={t('catalog.import.file')}
              description={t('catalog.import.fileHint')}
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              leftSection={<IconFileSpreadsheet size={16} aria-hidden />}
              value={file}
              onChange={(value) => {
                setFile(value);
                setReport(null);
              }}
              clearable
            />
            <ErrorAlert error={run.error} />
            <Group>
              <Button
                variant="default"
                disabled={!file}
                loading={run.isPending && run.variables === true}
                onClick={() => run.mutate(true)}
              >
                {t('catalog.import.check')}
              </Button>
              <Button
                leftSection={<IconUpload size={16} aria-hidden />}
                disabled={!file}
                loading={run.isPending && run.variables === false}
                onClick={() => run.mutate(false)}
              >
                {t('catalog.import.run')}
              </Button>
            </Group>
          </Stack>
        </Paper>
        <Paper withBorder radius="md" p="md">
          <Title order={2} size="h5" mb="xs">
            {t('catalog.import.howTitle')}
          </Title>
          <Text size="sm" c="dimmed" mb="sm">
            {t('catalog.import.how')}
          </Text>
          <Group gap="xs">
            <Button
              component="a"
              href="/api/v1/product-imports/template.xlsx"
              download
              size="xs"
              variant="light"
              leftSection={<IconDownload size={14} aria-hidden />}
            >
              {t('catalog.import.templateXlsx')}
            </Button>
            <Button
              component="a"
              href="/api/v1/product-imports/template.csv"
              download
              size="xs"
              variant="light"
              leftSection={<IconDownload size={14} aria-hidden />}
            >
              {t('catalog.import.templateCsv')}
            </Button>
          </Group>
        </Paper>
      </SimpleGrid>
      {report ? <ImportReportView report={report} /> : null}
    </>
  );
}

function ImportReportView({ report }: { report: ImportReport }) {
  const { t } = useTranslation();
  const [show, setShow] = useState<'problems' | 'all'>(report.totals.errors > 0 ? 'problems' : 'all');
  const rows = show === 'all' ? report.rows : report.rows.filter((row) => row.outcome === 'error');
  return (
    <Stack>
      <Alert
        color={report.totals.errors > 0 ? 'yellow' : 'teal'}
        title={t(report.dryRun ? 'catalog.import.checked' : 'catalog.import.done')}
      >
        <Group gap="xs">
          {(['created', 'updated', 'unchanged', 'error'] as const).map((outcome) => (
            <Badge key={outcome} color={OUTCOME_COLORS[outcome]} variant="light" size="lg">
              {t(`catalog.import.totals.${outcome}`, {
                count: outcome === 'error' ? report.totals.errors : report.totals[outcome],
              })}
            </Badge>
          ))}
        </Group>
        {report.ignoredColumns.length > 0 ? (
          <Text size="xs" mt="xs">
            {t('catalog.import.ignored', { columns: report.ignoredColumns.join(', ') })}
          </Text>
        ) : null}
      </Alert>
      <SegmentedControl
        w="fit-content"
        value={show}
        onChange={(value) => setShow(value as 'problems' | 'all')}
        data={[
          { value: 'problems', label: t('catalog.import.onlyProblems') },
          { value: 'all', label: t('catalog.import.allRows') },
        ]}
      />
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('catalog.import.noProblems')}
        </Text>
      ) : (
        <Paper withBorder radius="md">
          <Table.ScrollContainer minWidth={640}>
            <Table verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={80}>{t('catalog.import.row')}</Table.Th>
                  <Table.Th>{t('catalog.fields.sku')}</Table.Th>
                  <Table.Th>{t('catalog.import.outcome')}</Table.Th>
                  <Table.Th>{t('catalog.import.problems')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.slice(0, 1000).map((row) => (
                  <Table.Tr key={row.rowNumber} data-testid="import-row">
                    <Table.Td>{row.rowNumber}</Table.Td>
                    <Table.Td ff="monospace">{row.sku ?? '—'}</Table.Td>
                    <Table.Td>
                      <Badge color={OUTCOME_COLORS[row.outcome]} variant="light">
                        {t(`catalog.import.outcomes.${row.outcome}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      {row.errors.map((error) => (
                        <Text key={`${error.field}-${error.message}`} size="sm">
                          <Text span fw={600} size="sm">
                            {t(`catalog.import.fields.${error.field}`)}:
                          </Text>{' '}
                          {error.message}
                        </Text>
                      ))}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
    </Stack>
  );
}
