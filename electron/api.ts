// The one dispatcher: every shell (Electron IPC, browser-mode HTTP, CLI) calls `dispatch(method, input)`.
// Input is untrusted, so it is validated against shared/api/contract before any service sees it; output is validated
// too, so a service can never send the UI a shape the contract does not promise.
import { z } from 'zod';
import { roleMay, refusal } from '../shared/api/access';
import { accessOf, contract, type Method, type Output, type ParsedInput } from '../shared/api/contract';
import { AppError, type ApiResult } from '../shared/api/errors';
import { pathLabel } from '../shared/api/fieldLabels';
import type { ServiceContext } from './services/context';
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

export type Handlers = { [M in Method]: (input: ParsedInput<M>, ctx: ServiceContext) => Output<M> | Promise<Output<M>> };

export const handlers: Handlers = {
  ...rosterHandlers,
  ...importHandlers,
  ...planYearHandlers,
  ...retentionHandlers,
  ...supervisionHandlers,
  ...headcountHandlers,
  ...caseloadHandlers,
  ...trainingHandlers,
  ...exportHandlers,
  ...systemHandlers,
  ...auditHandlers,
  ...authHandlers,
  ...dashboardHandlers,
  ...settingsHandlers,
  ...submissionHandlers,
  ...orgChartHandlers,
};

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

export type Dispatch = (method: string, input: unknown, call?: CallContext) => Promise<ApiResult<unknown>>;

/**
 * Where people sign in (`ctx.auth` set), every method but the public ones needs a live session whose role may use the
 * method's access level; the session's user is the actor the audit log records. Trusted shells (CLI, tests) skip this.
 */
function authorize(ctx: ServiceContext, m: Method, call: CallContext | undefined, setActor: (a: string | null) => void): ServiceContext {
  if (!ctx.auth) return ctx;
  const access = accessOf(m);
  const session = ctx.auth.store.use(call?.session);
  if (access !== 'public') {
    if (!session) throw new AppError('UNAUTHENTICATED', '請先登入（閒置過久會自動登出）');
    if (!roleMay(session.role, access)) throw new AppError('FORBIDDEN', refusal(session.role, access));
  }
  setActor(session?.username ?? null);
  return { ...ctx, auth: { store: ctx.auth.store, session } };
}

export function createDispatcher(ctx: ServiceContext, table: Handlers = handlers, setActor: (a: string | null) => void = () => {}): Dispatch {
  return async (method, input, call) => {
    try {
      if (typeof method !== 'string' || !Object.hasOwn(contract, method)) {
        throw new AppError('UNKNOWN_METHOD', `沒有這個功能：${String(method)}`);
      }
      const m = method as Method;
      const callCtx = authorize(ctx, m, call, setActor);
      const parsed = contract[m].input.safeParse(input ?? {});
      if (!parsed.success) throw validationError(parsed.error);
      const result = await (table[m] as (i: unknown, c: ServiceContext) => unknown)(parsed.data, callCtx);
      return { ok: true, data: contract[m].output.parse(result) };
    } catch (e) {
      if (e instanceof AppError) return { ok: false, error: e.toData() };
      if ((e as { code?: string })?.code === 'SQLITE_READONLY') {
        return { ok: false, error: { code: 'FORBIDDEN', message: ctx.system.damaged() ?? '資料庫目前為唯讀，無法修改' } };
      }
      console.error(`[staffbook] ${method} failed:`, e);
      return { ok: false, error: { code: 'INTERNAL', message: `系統錯誤：${e instanceof Error ? e.message : String(e)}` } };
    }
  };
}
