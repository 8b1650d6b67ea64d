import type { TFunction } from 'i18next';
import { currentLocale } from '../../i18n';
import { formatMoney } from '../../lib/format';
import type { MyNotification } from './api';

/** The translated sentence of a notification, from its kind and params, for the app reading it. */
export function notificationText(
  t: TFunction,
  notification: MyNotification,
  app: 'partner' | 'staff' = 'partner',
): string {
  const program = notification.params.programName ?? '';
  switch (notification.kind) {
    case 'enrollment_approved':
      return t('notifications.kinds.enrollmentApproved', { program });
    case 'enrollment_rejected':
      return t('notifications.kinds.enrollmentRejected', { program });
    case 'order_confirmation_overdue':
    case 'order_payment_failed':
    case 'order_cod_uncollected':
    case 'opportunity_contacted':
    case 'opportunity_won':
    case 'opportunity_lost':
      return t(`sales.notifications.${notification.kind}`, notification.params);
    case 'order_refund_reported': {
      const { amountMinor = '0', currency = 'VND' } = notification.params;
      return t('sales.notifications.order_refund_reported', {
        ...notification.params,
        amount: formatMoney(amountMinor, currency, currentLocale()),
      });
    }
    case 'deposit_low': {
      const { balance = '0', threshold = '0', currency = 'VND' } = notification.params;
      return t(app === 'staff' ? 'notifications.kinds.depositLowStaff' : 'notifications.kinds.depositLow', {
        partner: notification.params.partnerName ?? '',
        balance: formatMoney(balance, currency, currentLocale()),
        threshold: formatMoney(threshold, currency, currentLocale()),
      });
    }
    case 'payout_paid':
    case 'payout_failed': {
      const { amount = '0', currency = 'VND', reference = '', reason = '' } = notification.params;
      return t(`payouts.notifications.${notification.kind}`, {
        amount: formatMoney(amount, currency, currentLocale()),
        reference,
        reason,
      });
    }
  }
}
