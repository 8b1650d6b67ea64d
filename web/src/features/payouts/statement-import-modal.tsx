import { Badge, Button, FileInput, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api';
import { ErrorAlert } from '../../ui/error-alert';
import { PAYOUT_KEYS, type StatementRow } from './api';

const OUTCOME_COLOR: Record<string, string> = { paid: 'green', no_match: 'gray', amount_mismatch: 'orange' };

async function toBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let start = 0; start < bytes.length; start += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(start, start + 0x8000));
  return btoa(binary);
}

/** The bank's statement (CSV/XLSX) marks payouts paid by the reference in each memo: one outcome per row. */
export function StatementImportModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const upload = useMutation({
    mutationFn: async (chosen: File) =>
      api.post<{ rows: StatementRow[] }>('/api/v1/payouts/statement-import', {
        fileName: chosen.name,
        contentBase64: await toBase64(chosen),
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: PAYOUT_KEYS.batches }),
  });
  const close = () => {
    setFile(null);
    upload.reset();
    onClose();
  };
  const rows = upload.data?.rows ?? [];
  const paid = rows.filter((row) => row.outcome === 'paid').length;
  return (
    <Modal opened={opened} onClose={close} title={t('payouts.import.title')} size="lg">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('payouts.import.text')}
        </Text>
        <FileInput
          label={t('payouts.import.file')}
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          leftSection={<IconFileSpreadsheet size={16} aria-hidden />}
          value={file}
          onChange={(chosen) => {
            setFile(chosen);
            upload.reset();
          }}
          clearable
          data-testid="statement-file"
        />
        <ErrorAlert error={upload.error} />
        {upload.data ? (
          <>
            <Text size="sm" fw={600}>
              {t('payouts.import.summary', { paid, count: rows.length })}
            </Text>
            <Table.ScrollContainer minWidth={420} mah={360}>
              <Table striped verticalSpacing={4} data-testid="statement-report">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('payouts.import.line')}</Table.Th>
                    <Table.Th>{t('payouts.fields.reference')}</Table.Th>
                    <Table.Th>{t('payouts.import.outcome')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((row) => (
                    <Table.Tr key={row.line}>
                      <Table.Td>{row.line}</Table.Td>
                      <Table.Td ff="monospace">{row.reference ?? '—'}</Table.Td>
                      <Table.Td>
                        <Badge variant="light" color={OUTCOME_COLOR[row.outcome] ?? 'blue'}>
                          {t(`payouts.import.outcomes.${row.outcome}`, { defaultValue: row.outcome })}
                        </Badge>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('payouts.close')}
          </Button>
          <Button onClick={() => file && upload.mutate(file)} disabled={!file} loading={upload.isPending}>
            {t('payouts.import.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
