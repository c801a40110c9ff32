// Sign-in, first-start setup and account management. Lockout after repeated failures; passwords via scrypt.
import { AppError } from '../../shared/api/errors';
import { auditEvent } from '../db/audit';
import * as accQ from '../db/queries/accounts';
import { hashPassword, verifyPassword } from '../auth/password';
import type { ServiceContext } from './context';
import type { HandlerTable } from './handlerTable';

export const MAX_FAILURES = 5;
export const LOCK_MINUTES = 15;

export function idleMinutes(ctx: Pick<ServiceContext, 'db'>): number {
  return Number(accQ.getSetting(ctx.db, 'idle_minutes') ?? 15);
}

function auth(ctx: ServiceContext) {
  if (!ctx.auth) throw new AppError('FORBIDDEN', '此介面不需登入');
  return ctx.auth;
}

function signIn(ctx: ServiceContext, a: accQ.Account) {
  const session = auth(ctx).store.create({ accountId: a.id, username: a.username, displayName: a.displayName, role: a.role });
  auditEvent(ctx.db, a.username, 'login', `${a.displayName}（${a.username}）登入`);
  return { session: session.token, account: { username: a.username, displayName: a.displayName, role: a.role }, idleMinutes: idleMinutes(ctx) };
}

export const authHandlers = {
  'auth.status': (_, ctx) => {
    const s = ctx.auth?.session ?? null;
    return {
      needsSetup: accQ.countAccounts(ctx.db) === 0,
      authRequired: ctx.auth != null,
      account: s ? { username: s.username, displayName: s.displayName, role: s.role } : null,
      idleMinutes: idleMinutes(ctx),
    };
  },

  /** The first start creates the 管理者; afterwards accounts are created by a 管理者 only. */
  'auth.setup': ({ username, displayName, password }, ctx) => {
    auth(ctx);
    if (accQ.countAccounts(ctx.db) > 0) throw new AppError('FORBIDDEN', '已設定管理者；請用既有帳號登入');
    const passwordHash = hashPassword(password);
    return ctx.db.transaction(() => {
      const id = accQ.insertAccount(ctx.db, { username, displayName, role: 'admin', passwordHash });
      return signIn(ctx, accQ.getAccount(ctx.db, id)!);
    })();
  },

  'auth.login': ({ username, password }, ctx) => {
    const a = accQ.findAccount(ctx.db, username.trim());
    const wrong = new AppError('FORBIDDEN', '帳號或密碼錯誤');
    if (!a || a.disabled) {
      if (!a) hashPassword(password); // same cost either way: timing does not reveal which usernames exist
      throw a?.disabled ? new AppError('FORBIDDEN', '此帳號已停用，請洽管理者') : wrong;
    }
    const now = new Date();
    if (a.lockedUntil && new Date(a.lockedUntil) > now) {
      throw new AppError('FORBIDDEN', `密碼錯誤次數過多，帳號已鎖定至 ${new Date(a.lockedUntil).toLocaleTimeString('zh-TW', { hour12: false })}`);
    }
    if (!verifyPassword(password, a.passwordHash)) {
      const attempts = a.failedAttempts + 1;
      const lock = attempts >= MAX_FAILURES ? new Date(now.getTime() + LOCK_MINUTES * 60_000).toISOString() : null;
      accQ.recordFailure(ctx.db, a.id, lock ? 0 : attempts, lock);
      auditEvent(ctx.db, a.username, 'login', `登入失敗（第 ${attempts} 次）${lock ? `，鎖定 ${LOCK_MINUTES} 分鐘` : ''}`);
      throw lock ? new AppError('FORBIDDEN', `密碼錯誤 ${MAX_FAILURES} 次，帳號鎖定 ${LOCK_MINUTES} 分鐘`) : wrong;
    }
    accQ.clearFailures(ctx.db, a.id);
    return signIn(ctx, a);
  },

  'auth.logout': (_, ctx) => {
    ctx.auth?.store.end(ctx.auth.session?.token);
    return { done: true as const };
  },

  'auth.changePassword': ({ oldPassword, newPassword }, ctx) => {
    const s = auth(ctx).session;
    const a = s && accQ.getAccount(ctx.db, s.accountId);
    if (!a || !verifyPassword(oldPassword, a.passwordHash)) throw new AppError('VALIDATION', '目前的密碼不正確', 'oldPassword');
    accQ.setPassword(ctx.db, a.id, hashPassword(newPassword));
    return { done: true as const };
  },

  'accounts.list': (_, { db }) =>
    accQ.listAccounts(db).map((a) => ({
      id: a.id,
      username: a.username,
      displayName: a.displayName,
      role: a.role,
      disabled: a.disabled,
      locked: !!a.lockedUntil && new Date(a.lockedUntil) > new Date(),
    })),

  'accounts.create': ({ username, displayName, role, password }, { db }) => {
    if (accQ.findAccount(db, username)) throw new AppError('CONFLICT', `帳號 ${username} 已存在`, 'username');
    return { id: accQ.insertAccount(db, { username, displayName, role, passwordHash: hashPassword(password) }) };
  },

  'accounts.update': ({ id, displayName, role, disabled }, ctx) => {
    const a = accQ.getAccount(ctx.db, id);
    if (!a) throw new AppError('NOT_FOUND', '找不到帳號');
    const admins = accQ.listAccounts(ctx.db).filter((x) => x.role === 'admin' && !x.disabled && x.id !== id);
    if (a.role === 'admin' && (role !== 'admin' || disabled) && admins.length === 0) {
      throw new AppError('VALIDATION', '至少要保留一位啟用中的管理者');
    }
    accQ.updateAccount(ctx.db, id, { displayName, role, disabled });
    ctx.auth?.store.endAccount(id);
    return { done: true as const };
  },

  'accounts.setPassword': ({ id, password }, ctx) => {
    if (!accQ.getAccount(ctx.db, id)) throw new AppError('NOT_FOUND', '找不到帳號');
    accQ.setPassword(ctx.db, id, hashPassword(password));
    ctx.auth?.store.endAccount(id);
    return { done: true as const };
  },

  'settings.setIdleMinutes': ({ minutes }, { db }) => {
    accQ.setSetting(db, 'idle_minutes', String(minutes));
    return { done: true as const };
  },
} satisfies HandlerTable;
