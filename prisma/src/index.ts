export { createDb, type Db, type DbOptions } from './client.ts';
export { databaseUrl } from './config.ts';
export { childPath, isWithin } from './org-path.ts';
export * from './identity.ts';
export * from '../generated/client/client.ts';
export { loadSlaSettings, type SlaSettings } from './sla-settings.ts';
export { appendAudit, verifyAuditChain, entryHash, type AuditInput, type AuditVerdict } from './audit.ts';
