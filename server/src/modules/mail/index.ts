export { mailOutbox } from './schema';
export { deliverMailJob, type MailTemplate, renderMail, sendMail } from './send-mail';
