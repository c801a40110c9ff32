// The one dispatcher: every shell (Electron IPC, browser-mode HTTP, CLI) calls `dispatch(method, input)`.
// Input is untrusted, so it is validated against shared/api/contract before any service sees it; output is validated
// too, so a service can never send the UI a shape the contract does not promise.
import { z } from 'zod';
import { roleMay, refusal } from '../shared/api/access';
import { accessOf, contract, type Input, type Method, type Output } from '../shared/api/contract';
import { AppError, type ApiResult } from '../shared/api/errors';
import { runAs, setCallActor } from './callContext';
import { auditEvent } from './db/audit';
import { isCorruption } from './db/connection';
import { damagedMessage } from './db/damage';
import { pathLabel } from '../shared/api/fieldLabels';
import type { ServiceContext } from './services/context';
import { joinHandlers, type Handlers } from './services/handlerTable';
import { auditHandlers } from './services/audit';
import { authHandlers } from './services/auth';
import { caseloadHandlers } from './services/caseloads';
import { dashboardHandlers } from './services/dashboard';
import { exportHandlers } from './services/exports';
import { headcountHandlers } from './services/headcount';
import { importHandlers } from './services/imports';
import { orgChartHandlers } from './services/orgChart';
import { planYearHandlers } from './services/planYears';
import { retentionHandlers } from './services/retention';
import { rosterHandlers } from './services/roster';
import { settingsHandlers } from './services/settings';
import { submissionHandlers } from './services/submissions';
import { supervisionHandlers } from './services/supervision';
import { systemHandlers } from './services/system';
import { trainingHandlers } from './services/training';

export type { Handlers };

/** Every method's handler: the type says each contract method has one; joining throws if two tables claim one. */
export const handlers: Handlers = joinHandlers(
  rosterHandlers,
  importHandlers,
  planYearHandlers,
  retentionHandlers,
  supervisionHandlers,
  headcountHandlers,
  caseloadHandlers,
  trainingHandlers,
  exportHandlers,
  systemHandlers,
  auditHandlers,
  authHandlers,
  dashboardHandlers,
  settingsHandlers,
  submissionHandlers,
  orgChartHandlers,
);

function validationError(err: z.ZodError): AppError {
  const first = err.issues[0];
  const field = first?.path.join('.') || undefined;
  // the message names the field in Chinese; `field` keeps the path so the form can put the message at that field
  return new AppError(
    'VALIDATION',
    first ? `${first.path.length ? `「${pathLabel(first.path)}」` : '輸入'}：${first.message}` : '輸入格式錯誤',
    field,
    err.issues.map((i) => ({ field: i.path.join('.'), message: `「${pathLabel(i.path)}」：${i.message}` })),
  );
}

/** What a shell knows about the caller: the session token the signed-in renderer sends with each call. */
export interface CallContext {
  session?: string;
}

/**
 * The dispatcher as its callers see it: typed from the contract for a known method name (the CLI, the tests), and
 * open to any string and any input for the shells that forward untrusted calls (IPC, HTTP).
 */
export interface Dispatch {
  <M extends Method>(method: M, input: Input<M>, call?: CallContext): Promise<ApiResult<Output<M>>>;
  (method: string, input: unknown, call?: CallContext): Promise<ApiResult<unknown>>;
}

/**
 * Where people sign in (`ctx.auth` set), every method but the public ones needs a live session whose role may use the
 * method's access level; the session's user is the actor the audit log records. Trusted shells (CLI, tests) skip this.
 */
function authorize(ctx: ServiceContext, m: Method, call: CallContext | undefined): ServiceContext {
  if (!ctx.auth) return ctx;
  const access = accessOf(m);
  const session = ctx.auth.store.use(call?.session);
  setCallActor(session?.username ?? null);
  if (access !== 'public') {
    if (!session) throw new AppError('UNAUTHENTICATED', '請先登入（閒置過久會自動登出）');
    if (!roleMay(session.role, access)) throw new AppError('FORBIDDEN', refusal(session.role, access));
  }
  return { ...ctx, auth: { ...ctx.auth, session } };
}

/** Sign-in methods log their own refusals (with the username tried); everything else is logged here. */
const LOGS_OWN_REFUSALS = new Set<string>(['auth.login', 'auth.setup']);

/** A refused call is a trace worth keeping: who tried what. Never fails the answer (a damaged file is read-only). */
function logRefusal(ctx: ServiceContext, method: string, message: string): void {
  if (LOGS_OWN_REFUSALS.has(method) || ctx.system.damaged()) return;
  try {
    auditEvent(ctx.db, ctx.actor(), 'refused', `${method}：${message}`);
  } catch {
    /* read-only or busy: the refusal itself still answers */
  }
}

export function createDispatcher(ctx: ServiceContext, table: Handlers = handlers): Dispatch {
  // Every call runs in its own actor scope, so concurrent calls never relabel each other's audit rows. The typed
  // overload holds because every answer is parsed by contract[method].output before it is returned.
  const dispatch = (method: string, input: unknown, call?: CallContext) => runAs(null, () => dispatchOne(ctx, table, method, input, call));
  return dispatch as Dispatch;
}

async function dispatchOne(ctx: ServiceContext, table: Handlers, method: string, input: unknown, call: CallContext | undefined): Promise<ApiResult<unknown>> {
  try {
    if (typeof method !== 'string' || !Object.hasOwn(contract, method)) {
      throw new AppError('UNKNOWN_METHOD', `沒有這個功能：${String(method)}`);
    }
    const m = method as Method;
    const callCtx = authorize(ctx, m, call);
    const parsed = contract[m].input.safeParse(input ?? {});
    if (!parsed.success) throw validationError(parsed.error);
    const result = await (table[m] as (i: unknown, c: ServiceContext) => unknown)(parsed.data, callCtx);
    const out = contract[m].output.safeParse(result);
    if (!out.success) {
      // A programming error (output schemas state shape only), still said in Chinese with where it broke.
      console.error(`[staffbook] ${m} returned a shape the contract does not promise:`, out.error.issues);
      const at = out.error.issues[0]?.path.join('.') || '（整體）';
      throw new AppError('INTERNAL', `系統錯誤：「${m}」的結果格式與約定不符（欄位 ${at}），請回報開發人員`);
    }
    return { ok: true, data: out.data };
  } catch (e) {
    if (e instanceof AppError) {
      if (e.code === 'FORBIDDEN') logRefusal(ctx, method, e.message);
      return { ok: false, error: e.toData() };
    }
    const code = (e as { code?: string })?.code;
    if (code === 'SQLITE_READONLY') {
      return { ok: false, error: { code: 'FORBIDDEN', message: ctx.system.damaged() ?? '資料庫目前為唯讀，無法修改' } };
    }
    // Page-level damage found mid-call: the clerk gets the damaged state and the way out, not a stack trace.
    if (isCorruption(e)) return { ok: false, error: { code: 'UNAVAILABLE', message: damagedMessage(ctx, e) } };
    console.error(`[staffbook] ${method} failed:`, e);
    return { ok: false, error: { code: 'INTERNAL', message: `系統錯誤：${e instanceof Error ? e.message : String(e)}` } };
  }
}
