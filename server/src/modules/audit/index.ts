export { type AuditEntry, recordAudit } from './record-audit';
export { auditLog } from './schema';
