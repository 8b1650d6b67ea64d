import type { TFunction } from 'i18next';
import type { MyNotification } from './api';

/** The translated sentence of a notification, from its kind and params. */
export function notificationText(t: TFunction, notification: MyNotification): string {
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
  }
}
