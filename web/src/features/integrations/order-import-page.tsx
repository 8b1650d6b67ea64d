import {
  Alert,
  Anchor,
  Badge,
  Button,
  FileInput,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { IconDownload, IconUpload } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api';
import type { Page } from '../../lib/types';
import { ErrorAlert } from '../../ui/error-alert';
import { useFormat } from '../../ui/format';
import { PageHeader } from '../../ui/page';
import type { OrderImport, OrderImportReport, OrderImportRow } from './types';

const OUTCOME_COLORS = { created: 'teal', unchanged: 'gray', error: 'red' } as const;

async function toBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let start = 0; start < bytes.length; start += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(start, start + 0x8000));
  }
  return btoa(binary);
}

/** Upload a spreadsheet of orders (one row per item) and read what became of every row. */
export function OrderImportPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<OrderImportReport | null>(null);
  const upload = useMutation({
    mutationFn: async () =>
      api.post<OrderImportReport>('/api/v1/order-imports', {
        fileName: (file as File).name,
        contentBase64: await toBase64(file as File),
      }),
    onSuccess: (result) => {
      setReport(result);
      setFile(null);
      void queryClient.invalidateQueries({ queryKey: ['order-imports'] });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (file) upload.mutate();
  };
  return (
    <>
      <PageHeader
        title={t('integrations.import.title')}
        description={t('integrations.import.text')}
        actions={
          <Button
            component="a"
            href="/api/v1/order-imports/template.csv"
            variant="default"
            leftSection={<IconDownload size={16} aria-hidden />}
          >
            {t('integrations.import.template')}
          </Button>
        }
      />
      <Stack gap="lg">
        <Paper withBorder radius="md" p="md" component="form" onSubmit={submit} noValidate>
          <Stack>
            <ErrorAlert error={upload.error} />
            <FileInput
              label={t('integrations.import.file')}
              description={t('integrations.import.fileHint')}
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              leftSection={<IconUpload size={16} aria-hidden />}
              value={file}
              onChange={setFile}
              clearable
              data-testid="order-import-file"
            />
            <Group justify="flex-end">
              <Button type="submit" disabled={!file} loading={upload.isPending}>
                {t('integrations.import.run')}
              </Button>
            </Group>
          </Stack>
        </Paper>
        {report ? <ImportReport report={report} /> : null}
        <RecentImports />
      </Stack>
    </>
  );
}

function ImportReport({ report }: { report: OrderImportReport }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [onlyErrors, setOnlyErrors] = useState(report.errors > 0);
  const rows = onlyErrors ? report.rows.filter((row) => row.outcome === 'error') : report.rows;
  const stat = (label: string, value: number, color?: string) => (
    <Paper withBorder p="sm" radius="md">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="lg" c={color}>
        {format.number(value)}
      </Text>
    </Paper>
  );
  return (
    <Stack gap="sm" data-testid="order-import-report">
      <Text fw={600}>{t('integrations.import.report', { file: report.fileName })}</Text>
      <SimpleGrid cols={{ base: 2, sm: 4 }}>
        {stat(t('integrations.import.rows'), report.totalRows)}
        {stat(t('integrations.import.created'), report.created, 'teal')}
        {stat(t('integrations.import.unchanged'), report.unchanged)}
        {stat(t('integrations.import.errors'), report.errors, report.errors > 0 ? 'red' : undefined)}
      </SimpleGrid>
      {report.moreRows ? <Alert color="blue">{t('integrations.import.moreRows')}</Alert> : null}
      <Group>
        <Button size="xs" variant={onlyErrors ? 'filled' : 'default'} onClick={() => setOnlyErrors(true)}>
          {t('integrations.import.onlyErrors')}
        </Button>
        <Button size="xs" variant={onlyErrors ? 'default' : 'filled'} onClick={() => setOnlyErrors(false)}>
          {t('integrations.import.allRows')}
        </Button>
      </Group>
      <RowsTable rows={rows} />
    </Stack>
  );
}

function RowsTable({ rows }: { rows: OrderImportRow[] }) {
  const { t } = useTranslation();
  if (rows.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('common.nothingFound')}
      </Text>
    );
  const orderColumn = (row: OrderImportRow) => Object.values(row.data)[0] ?? '';
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table verticalSpacing="xs" bg="var(--mantine-color-body)" aria-label={t('integrations.import.rows')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('integrations.import.row')}</Table.Th>
            <Table.Th>{t('integrations.import.firstColumn')}</Table.Th>
            <Table.Th>{t('integrations.import.outcome')}</Table.Th>
            <Table.Th>{t('integrations.import.problems')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.rowNumber}>
              <Table.Td>{row.rowNumber}</Table.Td>
              <Table.Td>
                {row.orderId ? (
                  <Anchor href={`/orders/${row.orderId}`} size="sm">
                    {orderColumn(row)}
                  </Anchor>
                ) : (
                  <Text size="sm">{orderColumn(row)}</Text>
                )}
              </Table.Td>
              <Table.Td>
                <Badge color={OUTCOME_COLORS[row.outcome]} variant="light">
                  {t(`integrations.import.outcomes.${row.outcome}`)}
                </Badge>
              </Table.Td>
              <Table.Td>
                {row.errors.map((error) => (
                  <Text key={`${error.field}:${error.message}`} size="xs" c="red">
                    {error.field}: {error.message}
                  </Text>
                ))}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function RecentImports() {
  const { t } = useTranslation();
  const format = useFormat();
  const imports = useQuery({
    queryKey: ['order-imports'],
    queryFn: () => api.get<Page<OrderImport>>('/api/v1/order-imports', { limit: 10 }),
  });
  const items = imports.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Stack gap="xs">
      <Text fw={600}>{t('integrations.import.recent')}</Text>
      <Table verticalSpacing="xs" bg="var(--mantine-color-body)" aria-label={t('integrations.import.recent')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('integrations.import.file')}</Table.Th>
            <Table.Th>{t('integrations.import.when')}</Table.Th>
            <Table.Th>{t('integrations.import.created')}</Table.Th>
            <Table.Th>{t('integrations.import.unchanged')}</Table.Th>
            <Table.Th>{t('integrations.import.errors')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => (
            <Table.Tr key={item.id}>
              <Table.Td>{item.fileName}</Table.Td>
              <Table.Td>{format.date(item.createdAt)}</Table.Td>
              <Table.Td>{format.number(item.created)}</Table.Td>
              <Table.Td>{format.number(item.unchanged)}</Table.Td>
              <Table.Td>
                <Text size="sm" c={item.errors > 0 ? 'red' : undefined}>
                  {format.number(item.errors)}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
