// Sign-in, first-start setup and account management. Lockout after repeated failures; passwords via async scrypt.
// Every way a sign-in can fail (unknown name, wrong password, locked, disabled) answers with the same words after the
// same work, so neither the message nor the time tells an outsider which names exist; the log keeps the real reason.
import crypto from 'node:crypto';
import { AppError } from '../../shared/api/errors';
import type { ParsedInput } from '../../shared/api/contract';
import { passwordProblem } from '../../shared/domain/passwordPolicy';
import { auditEvent } from '../db/audit';
import * as accQ from '../db/queries/accounts';
import { dummyHash, hashPassword, verifyPassword } from '../auth/password';
import type { ServiceContext } from './context';
import type { HandlerTable } from './handlerTable';

export const MAX_FAILURES = 5;
export const LOCK_MINUTES = 15;
export const SIGN_IN_REFUSED = `帳號或密碼錯誤（連續錯誤 ${MAX_FAILURES} 次會鎖定 ${LOCK_MINUTES} 分鐘；帳號停用請洽管理者）`;

export function idleMinutes(ctx: Pick<ServiceContext, 'db'>): number {
  return Number(accQ.getSetting(ctx.db, 'idle_minutes') ?? 15);
}

function auth(ctx: ServiceContext) {
  if (!ctx.auth) throw new AppError('FORBIDDEN', '此介面不需登入');
  return ctx.auth;
}

/** Refuses a blocklisted password (NIST 800-63B) at the field it was typed in. */
function assertAcceptable(password: string, username: string, field: string): void {
  const problem = passwordProblem(password, username);
  if (problem) throw new AppError('VALIDATION', problem, field);
}

/** What someone typed as a username, safe to keep in the log (no control characters, bounded). */
const typedName = (s: string) => s.replace(/[\p{Cc}\p{Cf}]/gu, '').slice(0, 40);

function signIn(ctx: ServiceContext, a: accQ.Account) {
  const session = auth(ctx).store.create({ accountId: a.id, username: a.username, displayName: a.displayName, role: a.role });
  auditEvent(ctx.db, a.username, 'login', `${a.displayName}（${a.username}）登入`);
  return { session: session.token, account: { username: a.username, displayName: a.displayName, role: a.role }, idleMinutes: idleMinutes(ctx) };
}

function codeMatches(expected: string, given: string | undefined): boolean {
  const a = Buffer.from(expected.toUpperCase());
  const b = Buffer.from((given ?? '').trim().toUpperCase());
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

export const authHandlers = {
  'auth.status': (_, ctx) => {
    const s = ctx.auth?.session ?? null;
    const needsSetup = accQ.countAccounts(ctx.db) === 0;
    return {
      needsSetup,
      setupCodeRequired: needsSetup && !!ctx.auth?.setupCode,
      authRequired: ctx.auth != null,
      account: s ? { username: s.username, displayName: s.displayName, role: s.role } : null,
      idleMinutes: idleMinutes(ctx),
    };
  },

  /** The first start creates the 管理者 (in browser mode only with the console's one-time code); afterwards accounts
   * are created by a 管理者 only. */
  'auth.setup': async ({ username, displayName, password, setupCode }: ParsedInput<'auth.setup'>, ctx: ServiceContext) => {
    const a = auth(ctx);
    const refuse = (why: string, message: string) => {
      auditEvent(ctx.db, ctx.actor(), 'refused', `auth.setup（${typedName(username)}）：${why}`);
      return new AppError('FORBIDDEN', message);
    };
    if (accQ.countAccounts(ctx.db) > 0) throw refuse('已有帳號', '已設定管理者；請用既有帳號登入');
    if (a.setupCode) {
      const ok = await a.gate.run('auth.setup', async () => codeMatches(a.setupCode!, setupCode));
      if (!ok) throw refuse('設定碼不符', '設定碼不正確：請輸入啟動程式的視窗（主控台）上印出的設定碼');
    }
    assertAcceptable(password, username, 'password');
    const passwordHash = await hashPassword(password);
    return ctx.db.transaction(() => {
      if (accQ.countAccounts(ctx.db) > 0) throw refuse('已有帳號', '已設定管理者；請用既有帳號登入'); // lost a race
      const id = accQ.insertAccount(ctx.db, { username, displayName, role: 'admin', passwordHash });
      return signIn(ctx, accQ.getAccount(ctx.db, id)!);
    })();
  },

  'auth.login': async ({ username, password }: ParsedInput<'auth.login'>, ctx: ServiceContext) => {
    const { gate } = auth(ctx);
    const name = username.trim();
    return gate.run(name, async () => {
      const a = accQ.findAccount(ctx.db, name);
      // One KDF whatever the case, against the dummy hash when there is no account.
      const matches = await verifyPassword(password, a?.passwordHash ?? (await dummyHash()));
      const now = new Date();
      const locked = !!a?.lockedUntil && new Date(a.lockedUntil) > now;
      if (a && !a.disabled && !locked && matches) {
        accQ.clearFailures(ctx.db, a.id);
        return signIn(ctx, a);
      }
      let why: string;
      if (!a) why = '無此帳號';
      else if (a.disabled) why = '帳號已停用';
      else if (locked) why = '帳號鎖定中';
      else {
        const attempts = a.failedAttempts + 1;
        const lock = attempts >= MAX_FAILURES ? new Date(now.getTime() + LOCK_MINUTES * 60_000).toISOString() : null;
        accQ.recordFailure(ctx.db, a.id, lock ? 0 : attempts, lock);
        why = `密碼錯誤（第 ${attempts} 次）${lock ? `，鎖定 ${LOCK_MINUTES} 分鐘` : ''}`;
      }
      // the caller is not signed in: the log names the shell (web/app) and the name that was tried
      auditEvent(ctx.db, ctx.actor(), 'login-failed', `帳號「${typedName(name)}」登入失敗：${why}`);
      throw new AppError('FORBIDDEN', SIGN_IN_REFUSED);
    });
  },

  'auth.logout': (_: ParsedInput<'auth.logout'>, ctx: ServiceContext) => {
    const s = ctx.auth?.session;
    if (s) {
      ctx.auth!.store.end(s.token);
      auditEvent(ctx.db, s.username, 'logout', `${s.displayName}（${s.username}）登出`);
    }
    return { done: true as const };
  },

  /** Ends the account's other sessions: a password changed because it leaked must lock out whoever used it. */
  'auth.changePassword': async ({ oldPassword, newPassword }: ParsedInput<'auth.changePassword'>, ctx: ServiceContext) => {
    const { session: s, store } = auth(ctx);
    const a = s && accQ.getAccount(ctx.db, s.accountId);
    if (!a || !(await verifyPassword(oldPassword, a.passwordHash))) throw new AppError('VALIDATION', '目前的密碼不正確', 'oldPassword');
    assertAcceptable(newPassword, a.username, 'newPassword');
    accQ.setPassword(ctx.db, a.id, await hashPassword(newPassword));
    store.endAccount(a.id, s.token);
    auditEvent(ctx.db, a.username, 'password', `${a.displayName}（${a.username}）變更密碼，其他登入已結束`);
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

  'accounts.create': async ({ username, displayName, role, password }: ParsedInput<'accounts.create'>, { db }: ServiceContext) => {
    if (accQ.findAccount(db, username)) throw new AppError('CONFLICT', `帳號 ${username} 已存在`, 'username');
    assertAcceptable(password, username, 'password');
    return { id: accQ.insertAccount(db, { username, displayName, role, passwordHash: await hashPassword(password) }) };
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

  'accounts.setPassword': async ({ id, password }: ParsedInput<'accounts.setPassword'>, ctx: ServiceContext) => {
    const a = accQ.getAccount(ctx.db, id);
    if (!a) throw new AppError('NOT_FOUND', '找不到帳號');
    assertAcceptable(password, a.username, 'password');
    accQ.setPassword(ctx.db, id, await hashPassword(password));
    ctx.auth?.store.endAccount(id);
    return { done: true as const };
  },

  'settings.setIdleMinutes': ({ minutes }, { db }) => {
    accQ.setSetting(db, 'idle_minutes', String(minutes));
    return { done: true as const };
  },
} satisfies HandlerTable;
