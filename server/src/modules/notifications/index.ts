export { type NotifyInput, notifyIdentity } from './notify-identity';
export { unsafeDeleteNotificationsOfIdentity, unsafeListNotificationsOfIdentity } from './personal-data';
export {
  NOTIFICATION_AUDIENCES,
  NOTIFICATION_KINDS,
  type NotificationAudience,
  type NotificationKind,
  notifications,
} from './schema';
