import { ActionIcon, Indicator } from '@mantine/core';
import { IconBell } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useUnreadCount } from './api';

/** The bell in the header of either app: a badge with the unread count, opening the notifications page. */
export function NotificationBell() {
  const { t } = useTranslation();
  const unread = useUnreadCount().data ?? 0;
  return (
    <Indicator
      label={unread > 99 ? '99+' : unread}
      size={16}
      color="red"
      offset={6}
      disabled={unread === 0}
      data-testid="notification-badge"
    >
      <ActionIcon
        component={Link}
        to="/notifications"
        variant="subtle"
        color="gray"
        size="lg"
        aria-label={unread > 0 ? t('notifications.bellUnread', { count: unread }) : t('notifications.bell')}
        data-testid="notification-bell"
      >
        <IconBell size={18} />
      </ActionIcon>
    </Indicator>
  );
}
