import { Alert, Button, Group, Paper, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api';
import { commissionTotal, countsTowardsTotal } from '../../lib/commission-total';
import type { Page } from '../../lib/types';
import { ErrorAlert } from '../../ui/error-alert';
import { useFormat } from '../../ui/format';
import { PageLoader } from '../../ui/page';
import { useCan } from '../auth/session';
import { type Decision, DecisionModal } from './decision-modal';
import { LineKindBadge, LineStatusBadge } from './explanation-text';
import { LineAmountButton, PartnerCell } from './line-cells';
import { LineDrawer } from './line-drawer';
import { COMMISSIONS_KEY, type CommissionLine } from './types';

/** Lines an accountant may still approve or reject. */
const UNDECIDED = ['pending', 'on_hold', 'review'];
/** An order has a handful of lines; ten pages is far beyond any real one. */
const MAX_PAGES = 10;

async function fetchOrderLines(orderId: string): Promise<CommissionLine[]> {
  const lines: CommissionLine[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const result = await api.get<Page<CommissionLine>>('/api/v1/commissions', {
      orderId,
      order: 'asc',
      limit: 100,
      cursor,
    });
    lines.push(...result.items);
    if (!result.nextCursor) break;
    cursor = result.nextCursor;
  }
  return lines;
}

/**
 * What an order earned, on its page: every commission line it produced (overrides and reversals
 * included) with its partner, kind, status and total; each amount opens the line's explanation.
 */
export function OrderCommission({ orderId, currency }: { orderId: string; currency: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const can = useCan();
  const [openLine, setOpenLine] = useState<CommissionLine | null>(null);
  const [decision, setDecision] = useState<Decision | null>(null);
  const lines = useQuery({
    queryKey: [COMMISSIONS_KEY, 'order', orderId],
    queryFn: () => fetchOrderLines(orderId),
  });
  const items = lines.data ?? [];
  const total = commissionTotal(items);
  const undecided = items.filter((line) => UNDECIDED.includes(line.status)).length;
  const inReview = items.some((line) => line.status === 'review');
  return (
    <Paper withBorder radius="md" p="md" mb="md" data-testid="order-commission">
      <Group justify="space-between" mb="sm" gap="xs">
        <Title order={2} size="h4">
          {t('orders.detail.commission')}
        </Title>
        {can('commissions.approve') && undecided > 0 ? (
          <Group gap="xs">
            <Button
              size="xs"
              color="teal"
              onClick={() => setDecision({ decision: 'approve', target: 'filter' })}
            >
              {t('orders.detail.approveCommission')}
            </Button>
            <Button
              size="xs"
              color="red"
              variant="light"
              onClick={() => setDecision({ decision: 'reject', target: 'filter' })}
            >
              {t('orders.detail.rejectCommission')}
            </Button>
          </Group>
        ) : null}
      </Group>
      {inReview ? (
        <Alert color="orange" variant="light" mb="sm" data-testid="order-commission-review">
          {t('orders.detail.commissionInReview')}
        </Alert>
      ) : null}
      {lines.isError ? <ErrorAlert error={lines.error} /> : null}
      {lines.isPending ? <PageLoader /> : null}
      {lines.isSuccess && items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('orders.detail.noCommission')}
        </Text>
      ) : null}
      {items.length > 0 ? (
        <>
          <Table.ScrollContainer minWidth={560}>
            <Table verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('commissions.fields.enrollment')}</Table.Th>
                  <Table.Th>{t('commissions.fields.kind')}</Table.Th>
                  <Table.Th ta="right">{t('commissions.fields.amount')}</Table.Th>
                  <Table.Th>{t('commissions.fields.status')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((line) => (
                  <Table.Tr key={line.id} data-testid="order-commission-line">
                    <Table.Td>
                      <PartnerCell line={line} />
                    </Table.Td>
                    <Table.Td>
                      <LineKindBadge kind={line.kind} level={line.level} />
                      {line.lineNo !== null ? (
                        <Text size="xs" c="dimmed" mt={2}>
                          {t('commissions.lines.lineNo', { lineNo: line.lineNo })}
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td ta="right">
                      <LineAmountButton
                        line={line}
                        onOpen={setOpenLine}
                        struck={!countsTowardsTotal(line.status)}
                      />
                    </Table.Td>
                    <Table.Td>
                      <LineStatusBadge status={line.status} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
              <Table.Tfoot>
                <Table.Tr>
                  <Table.Td colSpan={2}>
                    <Text size="sm" fw={600}>
                      {t('orders.detail.commissionTotal')}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {t('orders.detail.commissionTotalHint')}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right">
                    <Text size="sm" fw={700} data-testid="order-commission-total">
                      {format.money(total.toString(), currency)}
                    </Text>
                  </Table.Td>
                  <Table.Td />
                </Table.Tr>
              </Table.Tfoot>
            </Table>
          </Table.ScrollContainer>
          <Text size="xs" c="dimmed" mt="xs">
            {t('orders.detail.commissionHint')}
          </Text>
        </>
      ) : null}
      <LineDrawer line={openLine} onClose={() => setOpenLine(null)} />
      <DecisionModal
        decision={decision}
        lineIds={[]}
        filter={{ orderId, status: UNDECIDED.join(',') }}
        filterText={t('orders.detail.decideText', { count: undecided })}
        onClose={() => setDecision(null)}
        onDone={() => undefined}
      />
    </Paper>
  );
}
