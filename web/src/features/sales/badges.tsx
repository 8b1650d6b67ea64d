import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AlertKind, OpportunityStatus, OrderStatus, PaymentStatus } from './api';

const ORDER_COLORS: Record<OrderStatus, string> = {
  pending: 'yellow',
  confirmed: 'blue',
  completed: 'teal',
  cancelled: 'gray',
};

const PAYMENT_COLORS: Record<PaymentStatus, string> = {
  unpaid: 'gray',
  cod_pending: 'orange',
  paid: 'teal',
  failed: 'red',
};

const OPPORTUNITY_COLORS: Record<OpportunityStatus, string> = {
  new: 'blue',
  contacted: 'violet',
  won: 'teal',
  lost: 'gray',
};

export function OrderStatusBadge({ status }: { status: OrderStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={ORDER_COLORS[status]} variant="light" data-testid="order-status" data-status={status}>
      {t(`sales.orderStatus.${status}`)}
    </Badge>
  );
}

export function PaymentBadge({ status }: { status: PaymentStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={PAYMENT_COLORS[status]} variant="outline" miw="max-content">
      {t(`sales.paymentStatus.${status}`)}
    </Badge>
  );
}

export function OpportunityStatusBadge({ status }: { status: OpportunityStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={OPPORTUNITY_COLORS[status]} variant="light">
      {t(`sales.opportunityStatus.${status}`)}
    </Badge>
  );
}

export function AlertBadge({ kind }: { kind: AlertKind }) {
  const { t } = useTranslation();
  return (
    <Badge color="red" variant="light" data-testid="order-alert">
      {t(`sales.alertKind.${kind}`)}
    </Badge>
  );
}
