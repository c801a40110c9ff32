import type { Db } from '../connection';
import { prepared } from '../statements';

export interface AuditFilter {
  personId?: number;
  entity?: string;
  action?: string;
  actor?: string;
  from?: string;
  to?: string;
  limit: number;
  offset: number;
}

/** Newest first; `to` is inclusive of the whole day (timestamps are UTC ISO strings). */
export function listAudit(db: Db, f: AuditFilter) {
  const where: string[] = [];
  const params: Record<string, unknown> = { limit: f.limit, offset: f.offset };
  if (f.personId != null) (where.push('a.person_id = @personId'), (params.personId = f.personId));
  if (f.entity) (where.push('a.entity = @entity'), (params.entity = f.entity));
  if (f.action) (where.push('a.action = @action'), (params.action = f.action));
  if (f.actor) (where.push('a.actor LIKE @actor'), (params.actor = `%${f.actor}%`));
  if (f.from) (where.push('a.at >= @from'), (params.from = f.from));
  if (f.to) (where.push("a.at < date(@to, '+1 day')"), (params.to = f.to));
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = (prepared(db, `SELECT count(*) AS n FROM audit_log a ${clause}`).get(params) as { n: number }).n;
  const rows = prepared(db,
      `SELECT a.id, a.at, a.actor, a.action, a.entity, a.entity_id, a.person_id, p.name AS person_name, a.before_json, a.after_json, a.detail
       FROM audit_log a LEFT JOIN people p ON p.id = a.person_id ${clause} ORDER BY a.id DESC LIMIT @limit OFFSET @offset`,
    )
    .all(params)
    .map((r: any) => ({
      id: r.id,
      at: r.at,
      actor: r.actor,
      action: r.action,
      entity: r.entity,
      entityId: r.entity_id,
      personId: r.person_id,
      personName: r.person_name,
      before: r.before_json ? JSON.parse(r.before_json) : null,
      after: r.after_json ? JSON.parse(r.after_json) : null,
      detail: r.detail,
    }));
  return { total, rows };
}

/** Row changes of the data (not sign-ins or exports) logged after audit row `mark`. */
export function hasDataChangeSince(db: Db, mark: number): boolean {
  return !!prepared(db, 'SELECT 1 FROM audit_log WHERE id > ? AND entity IS NOT NULL LIMIT 1').get(mark);
}
