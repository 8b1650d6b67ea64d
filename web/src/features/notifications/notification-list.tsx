import { Anchor, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconBell } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { CursorPager, useCursorPaging } from '../../ui/cursor-pager';
import { ErrorAlert } from '../../ui/error-alert';
import { useFormat } from '../../ui/format';
import { notifyError } from '../../ui/notify';
import { EmptyCard, PageLoader } from '../../ui/page';
import {
  fetchNotifications,
  type MyNotification,
  markNotificationsRead,
  NOTIFICATIONS_KEY,
  useUnreadCount,
} from './api';
import { notificationText } from './notification-text';

type App = 'partner' | 'staff';

/** Notifications of the signed-in person in one app, newest first; the unread ones shown are marked read on opening. */
export function NotificationList({ app }: { app: App }) {
  const { t } = useTranslation();
  const paging = useCursorPaging();
  const queryClient = useQueryClient();
  const page = useQuery({
    queryKey: [...NOTIFICATIONS_KEY, 'page', paging.cursor ?? ''],
    queryFn: () => fetchNotifications(paging.cursor),
  });
  const unreadIds = (page.data?.items ?? []).filter((item) => !item.readAt).map((item) => item.id);
  const unreadKey = unreadIds.join();
  useEffect(() => {
    if (!unreadKey) return;
    // Marked read on the server; this page keeps showing them as new until it is left.
    markNotificationsRead(unreadKey.split(','))
      .then(() => queryClient.invalidateQueries({ queryKey: [...NOTIFICATIONS_KEY, 'unread'] }))
      .catch(() => undefined);
  }, [unreadKey, queryClient]);
  useEffect(
    () => () => void queryClient.invalidateQueries({ queryKey: [...NOTIFICATIONS_KEY, 'page'] }),
    [queryClient],
  );
  // unread ones left on other pages (those shown here are marked read on sight)
  const unreadElsewhere = useUnreadCount().data ?? 0;
  const markAll = useMutation({
    mutationFn: () => markNotificationsRead(),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: NOTIFICATIONS_KEY }),
    onError: notifyError,
  });
  if (page.isLoading) return <PageLoader />;
  const items = page.data?.items ?? [];
  return (
    <section aria-labelledby="notifications-heading">
      <Group justify="space-between" mb="sm" wrap="nowrap">
        <Title order={1} size="h3" id="notifications-heading">
          {t('notifications.title')}
        </Title>
        {unreadElsewhere > 0 ? (
          <Button
            variant="light"
            size="xs"
            loading={markAll.isPending}
            onClick={() => markAll.mutate()}
            data-testid="notifications-mark-all"
          >
            {t('notifications.markAllRead')}
          </Button>
        ) : null}
      </Group>
      <ErrorAlert error={page.error} />
      {page.isSuccess && items.length === 0 ? (
        <EmptyCard
          icon={<IconBell size={26} />}
          title={t('notifications.empty')}
          description={t(app === 'staff' ? 'notifications.staffEmptyText' : 'notifications.emptyText')}
        />
      ) : null}
      <Stack gap="sm" data-testid="notification-list">
        {items.map((item) => (
          <NotificationCard key={item.id} notification={item} app={app} />
        ))}
      </Stack>
      <CursorPager paging={paging} nextCursor={page.data?.nextCursor} />
    </section>
  );
}

/** Where a staff alert leads: the order it is about, or the deposits page. */
function staffTarget(notification: MyNotification) {
  if (notification.kind === 'deposit_low') return { to: '/deposits', label: 'notifications.openDeposits' };
  const { orderId } = notification.params;
  return orderId ? { to: `/orders/${orderId}`, label: 'notifications.openOrder' } : undefined;
}

function NotificationCard({ notification, app }: { notification: MyNotification; app: App }) {
  const { t } = useTranslation();
  const format = useFormat();
  const unread = !notification.readAt;
  const target = app === 'staff' ? staffTarget(notification) : undefined;
  return (
    <Card
      withBorder
      radius="md"
      padding="md"
      data-testid="notification-card"
      style={unread ? { borderLeft: '4px solid var(--mantine-color-blue-6)' } : undefined}
    >
      <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
        <Text size="xs" c="dimmed" fw={600}>
          {app === 'partner' ? notification.organisation.name : format.date(notification.createdAt)}
        </Text>
        {unread ? (
          <Badge size="xs" variant="light">
            {t('notifications.new')}
          </Badge>
        ) : null}
      </Group>
      <Text size="sm" mt={4} fw={unread ? 600 : 400}>
        {notificationText(t, notification, app)}
      </Text>
      {notification.params.reason ? (
        <Text size="sm" c="dimmed" mt={2}>
          {t('notifications.reason', { reason: notification.params.reason })}
        </Text>
      ) : null}
      {app === 'partner' ? (
        <Text size="xs" c="dimmed" mt={6}>
          {format.date(notification.createdAt)}
        </Text>
      ) : null}
      {target ? (
        <Anchor component={Link} to={target.to} size="sm" mt={6} display="inline-block">
          {t(target.label)}
        </Anchor>
      ) : null}
    </Card>
  );
}
