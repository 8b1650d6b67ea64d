import { Button, Checkbox, Group, Paper, Table, Text } from '@mantine/core';
import { IconQrcode } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../ui/format';
import { useCan } from '../auth/session';
import type { Payout, PayoutBatchDetail } from './api';
import { maskedAccount, PayoutStatusBadge } from './status-badges';

/** The payouts of a batch, with a QR, "mark paid" and "failed" per approved payout, and bulk "mark paid". */
export function BatchPayoutsTable({
  batch,
  onQr,
  onFail,
  onMarkPaid,
  marking,
}: {
  batch: PayoutBatchDetail;
  onQr: (payout: Payout) => void;
  onFail: (payout: Payout) => void;
  onMarkPaid: (ids: string[]) => void;
  marking: boolean;
}) {
  const { t } = useTranslation();
  const { money } = useFormat();
  const can = useCan();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const settle = can('payouts.approve');
  const showQr = can('payouts.manage');
  const payable = batch.payouts.filter((payout) => payout.status === 'approved');
  const chosen = payable.filter((payout) => selected.has(payout.id)).map((payout) => payout.id);
  const allChosen = payable.length > 0 && chosen.length === payable.length;
  const toggle = (id: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const markPaid = (ids: string[]) => {
    onMarkPaid(ids);
    setSelected(new Set());
  };
  return (
    <>
      {settle && payable.length > 0 ? (
        <Group gap="xs">
          <Text size="sm" c="dimmed">
            {t('payouts.settle.selected', { count: chosen.length })}
          </Text>
          <Button
            size="xs"
            color="teal"
            disabled={chosen.length === 0}
            loading={marking}
            onClick={() => markPaid(chosen)}
            data-testid="mark-selected-paid"
          >
            {t('payouts.settle.markSelectedPaid')}
          </Button>
        </Group>
      ) : null}
      <Paper withBorder radius="md">
        <Table.ScrollContainer minWidth={960}>
          <Table striped highlightOnHover verticalSpacing="sm" data-testid="batch-payouts">
            <Table.Thead>
              <Table.Tr>
                {settle ? (
                  <Table.Th w={40}>
                    <Checkbox
                      aria-label={t('payouts.settle.selectAll')}
                      checked={allChosen}
                      indeterminate={!allChosen && chosen.length > 0}
                      disabled={payable.length === 0}
                      onChange={() =>
                        setSelected(allChosen ? new Set() : new Set(payable.map((payout) => payout.id)))
                      }
                    />
                  </Table.Th>
                ) : null}
                <Table.Th>{t('payouts.fields.payee')}</Table.Th>
                <Table.Th>{t('payouts.fields.bank')}</Table.Th>
                <Table.Th ta="right">{t('payouts.fields.gross')}</Table.Th>
                <Table.Th ta="right">{t('payouts.fields.tax')}</Table.Th>
                <Table.Th ta="right">{t('payouts.fields.net')}</Table.Th>
                <Table.Th>{t('payouts.fields.reference')}</Table.Th>
                <Table.Th>{t('payouts.fields.status')}</Table.Th>
                <Table.Th>{t('payouts.fields.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {batch.payouts.map((payout) => (
                <Table.Tr key={payout.id} data-testid="batch-payout" data-payout-id={payout.id}>
                  {settle ? (
                    <Table.Td>
                      <Checkbox
                        aria-label={t('payouts.settle.select', { name: payout.payeeName })}
                        checked={selected.has(payout.id)}
                        disabled={payout.status !== 'approved'}
                        onChange={() => toggle(payout.id)}
                      />
                    </Table.Td>
                  ) : null}
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {payout.payeeName}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {t(`payouts.method.${payout.method}`)}
                    </Text>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{maskedAccount(payout.bank)}</Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {money(payout.grossMinor, payout.currency)}
                  </Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    <Text size="sm">{money(payout.taxMinor, payout.currency)}</Text>
                    <Text size="xs" c="dimmed">
                      {t(`payouts.taxReason.${payout.taxReason}`, { defaultValue: payout.taxReason })}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    <Text size="sm" fw={600}>
                      {money(payout.netMinor, payout.currency)}
                    </Text>
                  </Table.Td>
                  <Table.Td ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                    {payout.reference}
                  </Table.Td>
                  <Table.Td>
                    <PayoutStatusBadge status={payout.status} />
                    {payout.failureReason ? (
                      <Text size="xs" c="red.7" maw={200}>
                        {payout.failureReason}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      {showQr && payout.bank && payout.status === 'approved' ? (
                        <Button
                          size="xs"
                          variant="default"
                          leftSection={<IconQrcode size={14} aria-hidden />}
                          onClick={() => onQr(payout)}
                          data-testid="payout-qr"
                        >
                          QR
                        </Button>
                      ) : null}
                      {settle && payout.status === 'approved' ? (
                        <>
                          <Button
                            size="xs"
                            color="teal"
                            variant="light"
                            onClick={() => markPaid([payout.id])}
                            data-testid="payout-mark-paid"
                          >
                            {t('payouts.settle.markPaid')}
                          </Button>
                          <Button
                            size="xs"
                            color="red"
                            variant="subtle"
                            onClick={() => onFail(payout)}
                            data-testid="payout-fail"
                          >
                            {t('payouts.settle.fail')}
                          </Button>
                        </>
                      ) : null}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
    </>
  );
}
