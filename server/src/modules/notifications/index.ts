export { type NotifyInput, notifyIdentity } from './notify-identity';
export { NOTIFICATION_KINDS, type NotificationKind, notifications } from './schema';
