// Reading the audit log (writing it is the triggers' and the event writers' job).
import { listAudit } from '../db/queries/audit';
import type { HandlerTable } from './handlerTable';

export const auditHandlers = {
  'audit.list': (filter, { db }) => listAudit(db, filter),
} satisfies HandlerTable;
