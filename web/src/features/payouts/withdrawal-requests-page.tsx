import { Anchor, Button, Paper, ScrollArea, SegmentedControl, Table, Text } from '@mantine/core';
import { IconWallet } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api';
import { ErrorAlert } from '../../ui/error-alert';
import { useFormat } from '../../ui/format';
import { notifySuccess } from '../../ui/notify';
import { EmptyCard, PageHeader, PageLoader } from '../../ui/page';
import { useCan } from '../auth/session';
import { PAYOUT_KEYS, WITHDRAWAL_STATUSES, type WithdrawalRequest } from './api';
import { ReasonModal } from './reason-modal';
import { RequestStatusBadge } from './status-badges';

/** Partners' withdrawal requests, by status; a waiting one can be refused with a reason. */
export function WithdrawalRequestsPage() {
  const { t } = useTranslation();
  const { money, date } = useFormat();
  const can = useCan();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<string>('requested');
  const [rejecting, setRejecting] = useState<WithdrawalRequest | null>(null);
  const filter = status === 'all' ? null : status;
  const list = useQuery({
    queryKey: PAYOUT_KEYS.withdrawals(filter),
    queryFn: () =>
      api.get<{ items: WithdrawalRequest[] }>('/api/v1/withdrawal-requests', { status: filter, limit: 500 }),
  });
  const reject = useMutation({
    mutationFn: ({ request, reason }: { request: WithdrawalRequest; reason: string }) =>
      api.post<WithdrawalRequest>(`/api/v1/withdrawal-requests/${request.id}/reject`, { reason }),
    onSuccess: () => {
      setRejecting(null);
      notifySuccess(t('payouts.withdrawals.rejected'));
      return queryClient.invalidateQueries({ queryKey: ['withdrawal-requests'] });
    },
  });
  const items = list.data?.items ?? [];
  return (
    <>
      <PageHeader title={t('payouts.withdrawals.title')} description={t('payouts.withdrawals.text')} />
      <ScrollArea type="never" mb="md">
        <SegmentedControl
          value={status}
          onChange={setStatus}
          data={['all', ...WITHDRAWAL_STATUSES].map((value) => ({
            value,
            label: value === 'all' ? t('common.all') : t(`payouts.requestStatus.${value}`),
          }))}
          data-testid="withdrawal-status"
        />
      </ScrollArea>
      <ErrorAlert error={list.error} />
      {list.isPending ? (
        <PageLoader />
      ) : items.length === 0 ? (
        <EmptyCard icon={<IconWallet size={26} />} title={t('payouts.withdrawals.empty')} />
      ) : (
        <Paper withBorder radius="md">
          <Table.ScrollContainer minWidth={920}>
            <Table striped highlightOnHover verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('payouts.fields.created')}</Table.Th>
                  <Table.Th>{t('payouts.fields.partner')}</Table.Th>
                  <Table.Th>{t('payouts.fields.program')}</Table.Th>
                  <Table.Th ta="right">{t('payouts.fields.amount')}</Table.Th>
                  <Table.Th>{t('payouts.fields.method')}</Table.Th>
                  <Table.Th>{t('payouts.fields.status')}</Table.Th>
                  <Table.Th>{t('payouts.fields.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((request) => (
                  <Table.Tr
                    key={request.id}
                    data-testid="withdrawal-row"
                    data-status={request.status}
                    data-enrollment-id={request.enrollmentId}
                  >
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{date(request.createdAt)}</Table.Td>
                    <Table.Td>
                      <PartnerCell request={request} />
                    </Table.Td>
                    <Table.Td>{request.programName ?? request.programId}</Table.Td>
                    <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                      <Text size="sm" fw={600}>
                        {money(request.amountMinor, request.currency)}
                      </Text>
                    </Table.Td>
                    <Table.Td>{t(`payouts.method.${request.method}`)}</Table.Td>
                    <Table.Td>
                      <RequestStatusBadge status={request.status} />
                      {request.reason ? (
                        <Text size="xs" c="dimmed" maw={240}>
                          {request.reason}
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td>
                      {request.status === 'requested' && can('payouts.manage') ? (
                        <Button size="xs" color="red" variant="subtle" onClick={() => setRejecting(request)}>
                          {t('payouts.withdrawals.reject')}
                        </Button>
                      ) : null}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      <ReasonModal
        opened={rejecting !== null}
        title={t('payouts.withdrawals.rejectTitle')}
        text={
          rejecting
            ? t('payouts.withdrawals.rejectText', {
                amount: money(rejecting.amountMinor, rejecting.currency),
              })
            : ''
        }
        confirmLabel={t('payouts.withdrawals.reject')}
        onClose={() => setRejecting(null)}
        onConfirm={(reason) => rejecting && reject.mutate({ request: rejecting, reason })}
        pending={reject.isPending}
        error={reject.error}
      />
    </>
  );
}

/** Who asked: the partner's name linking to their page, and their referral code. */
function PartnerCell({ request }: { request: WithdrawalRequest }) {
  if (!request.partner)
    return (
      <Text size="xs" ff="monospace">
        {request.enrollmentId}
      </Text>
    );
  return (
    <>
      <Anchor component={Link} to={`/partners/${request.partner.id}`} size="sm" fw={600}>
        {request.partner.fullName}
      </Anchor>
      <Text size="xs" c="dimmed" ff="monospace">
        {request.partner.referralCode}
      </Text>
    </>
  );
}
