import {
  Alert,
  Badge,
  Button,
  FileInput,
  Group,
  Modal,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { IconDownload, IconFileSpreadsheet, IconUpload } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api';
import { ErrorAlert } from '../../ui/error-alert';
import { useFormat } from '../../ui/format';
import { COMMISSIONS_KEY } from './types';

type Outcome = 'created' | 'already_imported' | 'error';

/** The server's row report of an incidental import. */
export type IncidentalImportReport = {
  fileName: string;
  totals: { rows: number; created: number; alreadyImported: number; errors: number };
  columns: Record<string, string>;
  rows: {
    rowNumber: number;
    outcome: Outcome;
    partnerCode: string | null;
    enrollmentId: string | null;
    amountMinor: string | null;
    currency: string | null;
    commissionLineId: string | null;
    errors: { field: string; message: string }[];
  }[];
};

const OUTCOME_COLORS: Record<Outcome, string> = { created: 'teal', already_imported: 'gray', error: 'red' };

/**
 * CK phát sinh from a file: pick a CSV or XLSX (the template shows the columns), import it, read
 * what each row became. Lines wait in review for an accountant; the same file twice adds nothing.
 */
export function IncidentalImportModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [batchKey, setBatchKey] = useState('');
  const [report, setReport] = useState<IncidentalImportReport | null>(null);
  const run = useMutation({
    mutationFn: () => {
      const form = new FormData();
      form.set('file', file as File);
      if (batchKey.trim()) form.set('batchKey', batchKey.trim());
      return api.upload<IncidentalImportReport>('/api/v1/commissions/incidental/import', form);
    },
    onSuccess: (result) => {
      setReport(result);
      void queryClient.invalidateQueries({ queryKey: [COMMISSIONS_KEY] });
    },
    onError: () => setReport(null),
  });
  const close = () => {
    setFile(null);
    setBatchKey('');
    setReport(null);
    run.reset();
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title={t('commissionsImport.title')} size="xl">
      <Stack>
        <Text size="sm" c="dimmed">
          {t('commissionsImport.text')}
        </Text>
        <Group gap="xs">
          <Button
            component="a"
            href="/api/v1/commissions/incidental/template.csv"
            download
            size="xs"
            variant="light"
            leftSection={<IconDownload size={14} aria-hidden />}
          >
            {t('commissionsImport.template')}
          </Button>
          <Text size="xs" c="dimmed">
            {t('commissionsImport.columns')}
          </Text>
        </Group>
        <FileInput
          label={t('commissionsImport.file')}
          description={t('commissionsImport.fileHint')}
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          leftSection={<IconFileSpreadsheet size={16} aria-hidden />}
          value={file}
          onChange={(value) => {
            setFile(value);
            setReport(null);
          }}
          clearable
        />
        <TextInput
          label={t('commissionsImport.batchKey')}
          description={t('commissionsImport.batchKeyHint')}
          value={batchKey}
          maxLength={100}
          onChange={(event) => setBatchKey(event.currentTarget.value)}
        />
        <ErrorAlert error={run.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('commissionsImport.close')}
          </Button>
          <Button
            leftSection={<IconUpload size={16} aria-hidden />}
            disabled={!file}
            loading={run.isPending}
            onClick={() => run.mutate()}
          >
            {t('commissionsImport.run')}
          </Button>
        </Group>
        {report ? <ImportReportTable report={report} /> : null}
      </Stack>
    </Modal>
  );
}

function ImportReportTable({ report }: { report: IncidentalImportReport }) {
  const { t } = useTranslation();
  const format = useFormat();
  const totals: [Outcome, number][] = [
    ['created', report.totals.created],
    ['already_imported', report.totals.alreadyImported],
    ['error', report.totals.errors],
  ];
  return (
    <Stack gap="sm">
      <Alert
        color={report.totals.errors > 0 ? 'yellow' : 'teal'}
        title={t('commissionsImport.done', { file: report.fileName })}
      >
        <Group gap="xs">
          {totals.map(([outcome, count]) => (
            <Badge key={outcome} color={OUTCOME_COLORS[outcome]} variant="light" size="lg">
              {t(`commissionsImport.totals.${outcome}`, { count })}
            </Badge>
          ))}
        </Group>
        {report.totals.created > 0 ? (
          <Text size="xs" mt="xs">
            {t('commissionsImport.review')}
          </Text>
        ) : null}
      </Alert>
      <Paper withBorder radius="md">
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={70}>{t('commissionsImport.row')}</Table.Th>
                <Table.Th>{t('commissionsImport.partnerCode')}</Table.Th>
                <Table.Th ta="right">{t('commissionsImport.amount')}</Table.Th>
                <Table.Th>{t('commissionsImport.outcome')}</Table.Th>
                <Table.Th>{t('commissionsImport.problems')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {report.rows.slice(0, 1000).map((row) => (
                <Table.Tr key={row.rowNumber} data-testid="incidental-import-row">
                  <Table.Td>{row.rowNumber}</Table.Td>
                  <Table.Td ff="monospace">{row.partnerCode ?? row.enrollmentId ?? '—'}</Table.Td>
                  <Table.Td ta="right">
                    {row.amountMinor && row.currency ? format.money(row.amountMinor, row.currency) : '—'}
                  </Table.Td>
                  <Table.Td>
                    <Badge color={OUTCOME_COLORS[row.outcome]} variant="light">
                      {t(`commissionsImport.outcomes.${row.outcome}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    {row.errors.map((error) => (
                      <Text key={`${error.field}-${error.message}`} size="sm">
                        <Text span fw={600} size="sm">
                          {t(`commissionsImport.fields.${error.field}`, { defaultValue: error.field })}:
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
      {report.rows.length > 1000 ? (
        <Text size="xs" c="dimmed">
          {t('commissionsImport.firstRows', { count: 1000 })}
        </Text>
      ) : null}
    </Stack>
  );
}
