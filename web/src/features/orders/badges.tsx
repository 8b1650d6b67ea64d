import { Badge, Group, Tooltip } from '@mantine/core';
import { IconFlag } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Order, OrderStatus, PaymentStatus } from './types';

const STATUS_COLOR: Record<OrderStatus, string> = {
  pending: 'yellow',
  confirmed: 'blue',
  completed: 'green',
  cancelled: 'gray',
};
const PAYMENT_COLOR: Record<PaymentStatus, string> = {
  unpaid: 'gray',
  paid: 'green',
  cod_pending: 'orange',
  failed: 'red',
};

// a status is never cut short: its column widens instead (badges truncate in a narrow table cell)
const WHOLE = { minWidth: 'max-content' } as const;

export function OrderStatusBadge({ status }: { status: OrderStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLOR[status]} variant="light" style={WHOLE}>
      {t(`orders.status.${status}`)}
    </Badge>
  );
}

export function PaymentStatusBadge({ status }: { status: PaymentStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={PAYMENT_COLOR[status]} variant="outline" style={WHOLE}>
      {t(`orders.payment.${status}`)}
    </Badge>
  );
}

/** A red flag when attribution found something to check (self-referral, own device). */
export function FlagMarker({ flags }: { flags: Order['flags'] }) {
  const { t } = useTranslation();
  if (flags.length === 0) return null;
  const label = flags.map((flag) => t(`orders.flags.${flag}`)).join(', ');
  return (
    <Tooltip label={label}>
      <Group gap={4} wrap="nowrap" c="red" aria-label={label}>
        <IconFlag size={16} aria-hidden />
      </Group>
    </Tooltip>
  );
}
