import type { Role } from '../../../shared/domain/types';
import type { Db } from '../connection';
import { prepared } from '../statements';

export function listRoles(db: Db): Role[] {
  return prepared(db, 'SELECT code, name, kind, builtin, sort FROM roles ORDER BY sort, code')
    .all()
    .map((r: any) => ({ code: r.code, name: r.name, kind: r.kind, builtin: !!r.builtin, sort: r.sort }));
}

export function insertRole(db: Db, role: Omit<Role, 'builtin'>): void {
  prepared(db, 'INSERT INTO roles (code, name, kind, builtin, sort) VALUES (?, ?, ?, 0, ?)').run(role.code, role.name, role.kind, role.sort);
}
