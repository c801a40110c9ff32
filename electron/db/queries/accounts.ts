import type { Db } from '../connection';
import { prepared } from '../statements';

export type AccountRole = 'admin' | 'clerk' | 'supervisor';

export interface Account {
  id: number;
  username: string;
  displayName: string;
  role: AccountRole;
  passwordHash: string;
  failedAttempts: number;
  lockedUntil: string | null;
  disabled: boolean;
}

function toAccount(r: any): Account {
  return {
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    role: r.role,
    passwordHash: r.password_hash,
    failedAttempts: r.failed_attempts,
    lockedUntil: r.locked_until,
    disabled: !!r.disabled,
  };
}

export function countAccounts(db: Db): number {
  return (prepared(db, 'SELECT count(*) AS n FROM accounts').get() as { n: number }).n;
}

export function listAccounts(db: Db): Account[] {
  return prepared(db, 'SELECT * FROM accounts ORDER BY id').all().map(toAccount);
}

export function findAccount(db: Db, username: string): Account | undefined {
  const r = prepared(db, 'SELECT * FROM accounts WHERE username = ?').get(username);
  return r ? toAccount(r) : undefined;
}

export function getAccount(db: Db, id: number): Account | undefined {
  const r = prepared(db, 'SELECT * FROM accounts WHERE id = ?').get(id);
  return r ? toAccount(r) : undefined;
}

export function insertAccount(db: Db, a: { username: string; displayName: string; role: AccountRole; passwordHash: string }): number {
  return Number(
    prepared(db, 'INSERT INTO accounts (username, display_name, role, password_hash) VALUES (@username, @displayName, @role, @passwordHash)').run(a)
      .lastInsertRowid,
  );
}

export function updateAccount(db: Db, id: number, a: { displayName: string; role: AccountRole; disabled: boolean }): void {
  prepared(db, 'UPDATE accounts SET display_name = ?, role = ?, disabled = ? WHERE id = ?').run(a.displayName, a.role, a.disabled ? 1 : 0, id);
}

export function setPassword(db: Db, id: number, passwordHash: string): void {
  prepared(db, 'UPDATE accounts SET password_hash = ?, failed_attempts = 0, locked_until = NULL WHERE id = ?').run(passwordHash, id);
}

export function recordFailure(db: Db, id: number, attempts: number, lockedUntil: string | null): void {
  prepared(db, 'UPDATE accounts SET failed_attempts = ?, locked_until = ? WHERE id = ?').run(attempts, lockedUntil, id);
}

export function clearFailures(db: Db, id: number): void {
  prepared(db, 'UPDATE accounts SET failed_attempts = 0, locked_until = NULL WHERE id = ? AND (failed_attempts <> 0 OR locked_until IS NOT NULL)').run(id);
}

export { getSetting, setSetting } from './settings';
