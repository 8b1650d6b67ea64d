import { SignedInPartnerPage } from '../../partner/signed-in';
import { NotificationList } from './notification-list';

/** The partner's notifications, newest first; the unread ones shown are marked read on opening. */
export function NotificationsPage() {
  return <SignedInPartnerPage>{() => <NotificationList app="partner" />}</SignedInPartnerPage>;
}
