export { type AuditEntryView, findAuditEntries } from './find-audit-entries';
export { type AuditEntry, recordAudit } from './record-audit';
export { auditLog } from './schema';
