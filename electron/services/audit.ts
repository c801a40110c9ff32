// Reading the audit log (writing it is the triggers' and the event writers' job).
import { maskNationalId } from '../../shared/domain/nationalId';
import { listAudit } from '../db/queries/audit';
import type { HandlerTable } from './handlerTable';

type Change = Record<string, unknown> | null;

/** 身分證字號 inside a logged row (people, volunteers) is masked like on every other screen. */
function maskIds(change: Change): Change {
  if (!change || typeof change.national_id !== 'string') return change;
  return { ...change, national_id: maskNationalId(change.national_id) };
}

export const auditHandlers = {
  'audit.list': (filter, { db }) => {
    const { total, rows } = listAudit(db, filter);
    return { total, rows: rows.map((r) => ({ ...r, before: maskIds(r.before), after: maskIds(r.after) })) };
  },
} satisfies HandlerTable;
