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
  }
}
