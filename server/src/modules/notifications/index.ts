export { type NotifyInput, notifyIdentity } from './notify-identity';
export { unsafeDeleteNotificationsOfIdentity, unsafeListNotificationsOfIdentity } from './personal-data';
export { NOTIFICATION_KINDS, type NotificationKind, notifications } from './schema';
