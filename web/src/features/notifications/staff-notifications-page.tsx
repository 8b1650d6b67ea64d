import { NotificationList } from './notification-list';

/** Staff alerts of the current organisation: orders waiting, failed payments, uncollected COD, low deposits. */
export function StaffNotificationsPage() {
  return <NotificationList app="staff" />;
}
