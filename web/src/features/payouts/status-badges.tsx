import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { BatchStatus, PayoutStatus, WithdrawalStatus } from './api';

const REQUEST_COLOR: Record<WithdrawalStatus, string> = {
  requested: 'yellow',
  in_batch: 'blue',
  paid: 'green',
  failed: 'red',
  rejected: 'red',
  cancelled: 'gray',
};

const PAYOUT_COLOR: Record<PayoutStatus, string> = {
  draft: 'gray',
  approved: 'blue',
  paid: 'green',
  failed: 'red',
  cancelled: 'gray',
};

/** A badge keeps its whole word: it neither shrinks in a row nor cuts its label in a table cell. */
const WHOLE = { root: { flexShrink: 0 }, label: { overflow: 'visible' } } as const;

const BATCH_COLOR: Record<BatchStatus, string> = {
  draft: 'gray',
  approved: 'blue',
  completed: 'green',
  cancelled: 'gray',
};

export function RequestStatusBadge({ status }: { status: WithdrawalStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={REQUEST_COLOR[status]} variant="light" size="sm" data-status={status} styles={WHOLE}>
      {t(`payouts.requestStatus.${status}`)}
    </Badge>
  );
}

export function PayoutStatusBadge({ status }: { status: PayoutStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={PAYOUT_COLOR[status]} variant="light" size="sm" data-status={status} styles={WHOLE}>
      {t(`payouts.payoutStatus.${status}`)}
    </Badge>
  );
}

export function BatchStatusBadge({ status }: { status: BatchStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={BATCH_COLOR[status]} variant="light" data-status={status} styles={WHOLE}>
      {t(`payouts.batchStatus.${status}`)}
    </Badge>
  );
}

/** "Vietcombank ···3456": a bank account as it may be shown. */
export function maskedAccount(
  bank: { shortName: string | null; accountLast4: string | null } | null,
): string {
  if (!bank) return '—';
  return [bank.shortName, bank.accountLast4 ? `···${bank.accountLast4}` : null].filter(Boolean).join(' ');
}
