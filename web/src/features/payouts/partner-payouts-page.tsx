import { Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconWallet } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { SignedInPartnerPage } from '../../partner/signed-in';
import { useConfirm } from '../../ui/confirm';
import { ErrorAlert } from '../../ui/error-alert';
import { useFormat } from '../../ui/format';
import { notifyError, notifySuccess } from '../../ui/notify';
import { EmptyCard, PageLoader } from '../../ui/page';
import { EnrollmentPicker, useSellingEnrollment } from '../sales/enrollment-picker';
import {
  cancelWithdrawal,
  fetchMyPayouts,
  type MyPayout,
  type MyPayouts,
  PAYOUT_KEYS,
  type WithdrawalRequest,
} from './api';
import { StatementCard } from './statement-card';
import { maskedAccount, PayoutStatusBadge, RequestStatusBadge } from './status-badges';
import { StoreCreditCard } from './store-credit-card';
import { WithdrawalForm } from './withdrawal-form';

/** The partner's payouts: balances, asking to be paid, requests and transfers, monthly statements. */
export function PartnerPayoutsPage() {
  const { t } = useTranslation();
  return (
    <SignedInPartnerPage>
      {() => (
        <>
          <Title order={1} size="h2">
            {t('payouts.partner.title')}
          </Title>
          <Content />
        </>
      )}
    </SignedInPartnerPage>
  );
}

function Content() {
  const selling = useSellingEnrollment();
  const enrollmentId = selling.current?.id;
  const overview = useQuery({
    queryKey: PAYOUT_KEYS.mine(enrollmentId ?? ''),
    queryFn: () => fetchMyPayouts(enrollmentId!),
    enabled: Boolean(enrollmentId),
  });
  return (
    <Stack gap="md">
      <EnrollmentPicker selling={selling} />
      {overview.isLoading ? <PageLoader /> : null}
      <ErrorAlert error={overview.error} />
      {overview.data ? (
        <>
          <Balances overview={overview.data} />
          <WithdrawalForm overview={overview.data} />
          <Requests overview={overview.data} />
          <Payouts payouts={overview.data.payouts} />
          {overview.data.settings.methods.includes('store_credit') ? (
            <StoreCreditCard overview={overview.data} />
          ) : null}
          <StatementCard enrollmentId={overview.data.enrollmentId} />
        </>
      ) : null}
    </Stack>
  );
}

function Balances({ overview }: { overview: MyPayouts }) {
  const { t } = useTranslation();
  const { money } = useFormat();
  const { balances, currency } = overview;
  const negative = balances.payableMinor.startsWith('-');
  const cards = [
    { key: 'inPayment', amount: balances.inPaymentMinor },
    { key: 'paid', amount: balances.paidMinor },
    { key: 'withheld', amount: balances.withheldMinor },
    { key: 'storeCredit', amount: balances.storeCreditMinor },
  ] as const;
  return (
    <Stack gap="sm" data-testid="payout-balances">
      <Card withBorder radius="md" padding="sm">
        <Text size="xs" c="dimmed">
          {t('payouts.balance.payable')}
        </Text>
        <Text fw={700} size="xl" c={negative ? 'red.7' : 'green.8'} data-testid="payout-payable">
          {money(balances.payableMinor, currency)}
        </Text>
        <Text size="xs" c={negative ? 'red.7' : 'dimmed'}>
          {negative ? t('payouts.balance.negativeHint') : t('payouts.balance.payableHint')}
        </Text>
      </Card>
      <SimpleGrid cols={2} spacing="sm">
        {cards.map((card) => (
          <Card key={card.key} withBorder radius="md" padding="sm">
            <Text size="xs" c="dimmed">
              {t(`payouts.balance.${card.key}`)}
            </Text>
            <Text fw={700} data-testid={`payout-balance-${card.key}`}>
              {money(card.amount, currency)}
            </Text>
          </Card>
        ))}
      </SimpleGrid>
      {balances.depositMinor !== '0' ? (
        <Card withBorder radius="md" padding="sm" data-testid="payout-deposit">
          <Text size="xs" c="dimmed">
            {t('payouts.balance.deposit')}
          </Text>
          <Text fw={700} c={balances.depositMinor.startsWith('-') ? 'red.7' : undefined}>
            {money(balances.depositMinor, currency)}
          </Text>
          <Text size="xs" c="dimmed">
            {t('payouts.balance.depositHint')}
          </Text>
        </Card>
      ) : null}
    </Stack>
  );
}

function Requests({ overview }: { overview: MyPayouts }) {
  const { t } = useTranslation();
  const { money, date } = useFormat();
  const confirm = useConfirm();
  const queryClient = useQueryClient();
  const cancel = useMutation({
    mutationFn: (request: WithdrawalRequest) => cancelWithdrawal(overview.enrollmentId, request.id),
    onSuccess: () => {
      notifySuccess(t('payouts.requests.cancelled'));
      return queryClient.invalidateQueries({ queryKey: PAYOUT_KEYS.mine(overview.enrollmentId) });
    },
    onError: notifyError,
  });
  const ask = async (request: WithdrawalRequest) => {
    const sure = await confirm({
      title: t('payouts.requests.cancelTitle'),
      message: t('payouts.requests.cancelText', { amount: money(request.amountMinor, request.currency) }),
      confirmLabel: t('payouts.requests.cancel'),
    });
    if (sure) cancel.mutate(request);
  };
  if (overview.requests.length === 0) return null;
  return (
    <Stack gap="xs" component="section" aria-labelledby="requests-heading">
      <Title order={2} size="h4" id="requests-heading">
        {t('payouts.requests.title')}
      </Title>
      {overview.requests.map((request) => (
        <Card
          key={request.id}
          withBorder
          radius="md"
          padding="sm"
          data-testid="my-withdrawal"
          data-status={request.status}
        >
          <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
            <div style={{ minWidth: 0 }}>
              <Text fw={700}>{money(request.amountMinor, request.currency)}</Text>
              <Text size="xs" c="dimmed">
                {t(`payouts.method.${request.method}`)} · {date(request.createdAt)}
              </Text>
            </div>
            <RequestStatusBadge status={request.status} />
          </Group>
          {request.reason ? (
            <Text size="xs" mt={4} c={request.status === 'cancelled' ? 'dimmed' : 'red.7'}>
              {t('payouts.reason', { reason: request.reason })}
            </Text>
          ) : null}
          {request.status === 'requested' ? (
            <Button
              mt="xs"
              size="xs"
              variant="subtle"
              color="red"
              onClick={() => ask(request)}
              loading={cancel.isPending && cancel.variables?.id === request.id}
              data-testid="cancel-withdrawal"
            >
              {t('payouts.requests.cancel')}
            </Button>
          ) : null}
        </Card>
      ))}
    </Stack>
  );
}

function Payouts({ payouts }: { payouts: MyPayout[] }) {
  const { t } = useTranslation();
  const { money, date } = useFormat();
  return (
    <Stack gap="xs" component="section" aria-labelledby="payouts-heading">
      <Title order={2} size="h4" id="payouts-heading">
        {t('payouts.transfers.title')}
      </Title>
      {payouts.length === 0 ? (
        <EmptyCard
          icon={<IconWallet size={26} />}
          title={t('payouts.transfers.empty')}
          description={t('payouts.transfers.emptyText')}
        />
      ) : null}
      {payouts.map((payout) => (
        <Card
          key={payout.id}
          withBorder
          radius="md"
          padding="sm"
          data-testid="my-payout"
          data-status={payout.status}
        >
          <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
            <div style={{ minWidth: 0 }}>
              <Text fw={700}>{money(payout.netMinor, payout.currency)}</Text>
              <Text size="xs" c="dimmed">
                {payout.paidAt
                  ? t('payouts.transfers.paidAt', { date: date(payout.paidAt) })
                  : date(payout.createdAt)}
              </Text>
            </div>
            <PayoutStatusBadge status={payout.status} />
          </Group>
          <Text size="xs" mt={4}>
            {t('payouts.transfers.breakdown', {
              gross: money(payout.grossMinor, payout.currency),
              tax: money(payout.taxMinor, payout.currency),
            })}
          </Text>
          <Text size="xs" c="dimmed">
            {[
              t(`payouts.method.${payout.method}`),
              payout.bank ? maskedAccount(payout.bank) : null,
              payout.reference,
            ]
              .filter(Boolean)
              .join(' · ')}
          </Text>
          {payout.failureReason ? (
            <Text size="xs" mt={4} c="red.7">
              {t('payouts.reason', { reason: payout.failureReason })}
            </Text>
          ) : null}
        </Card>
      ))}
    </Stack>
  );
}
