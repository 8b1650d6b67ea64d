import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';

export type NotificationKind =
  | 'enrollment_approved'
  | 'enrollment_rejected'
  | 'order_confirmation_overdue'
  | 'order_payment_failed'
  | 'order_cod_uncollected'
  | 'order_refund_reported'
  | 'opportunity_contacted'
  | 'opportunity_won'
  | 'opportunity_lost'
  | 'payout_paid'
  | 'payout_failed'
  | 'deposit_low';

export type MyNotification = {
  id: string;
  organisation: { id: string; name: string };
  kind: NotificationKind;
  params: Record<string, string>;
  readAt: string | null;
  createdAt: string;
};

export type NotificationPage = { items: MyNotification[]; nextCursor: string | null; unreadCount: number };

export const NOTIFICATIONS_KEY = ['my-notifications'];

export const fetchNotifications = (cursor?: string, limit = 20) =>
  api.get<NotificationPage>('/api/me/notifications', { cursor, limit });

export const markNotificationsRead = (ids?: string[]) =>
  api.post<void>('/api/me/notifications/read', ids ? { ids } : {});

/** The unread count for the bell, refreshed every minute and when the window regains focus. */
export function useUnreadCount() {
  return useQuery({
    queryKey: [...NOTIFICATIONS_KEY, 'unread'],
    queryFn: () => fetchNotifications(undefined, 1),
    select: (page) => page.unreadCount,
    refetchInterval: 60_000,
  });
}
