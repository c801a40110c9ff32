// Reading the audit log (writing it is the triggers' and the event writers' job).
import type { ParsedInput } from '../../shared/api/contract';
import { listAudit } from '../db/queries/audit';
import type { ServiceContext } from './context';

export const auditHandlers = {
  'audit.list': (filter: ParsedInput<'audit.list'>, { db }: ServiceContext) => listAudit(db, filter),
};
