export { isOutboxAvailable, type OutboxItem, unsafeFindOutboxMail } from './find-outbox-mail';
export { mailOutbox } from './schema';
export { deliverMailJob, type MailTemplate, renderMail, sendMail } from './send-mail';
