import { notifications } from '@mantine/notifications';
import { errorMessage, i18n } from '../i18n';
import { ApiError } from '../lib/api';

export function notifySuccess(message: string): void {
  notifications.show({ color: 'teal', message });
}

export function notifyError(error: unknown): void {
  const requestId = error instanceof ApiError ? error.requestId : null;
  notifications.show({
    color: 'red',
    title: errorMessage(error),
    message: requestId ? i18n.t('common.requestId', { id: requestId }) : '',
  });
}
