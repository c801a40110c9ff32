// The one dispatcher: every shell (Electron IPC, browser-mode HTTP, CLI) calls `dispatch(method, input)`.
// Input is untrusted, so it is validated against shared/api/contract before any service sees it; output is validated
// too, so a service can never send the UI a shape the contract does not promise.
import { z } from 'zod';
import { contract, type Method, type Output, type ParsedInput } from '../shared/api/contract';
import { AppError, type ApiResult } from '../shared/api/errors';
import type { ServiceContext } from './services/context';
import { auditHandlers } from './services/audit';
import { caseloadHandlers } from './services/caseloads';
import { exportHandlers } from './services/exports';
import { headcountHandlers } from './services/headcount';
import { importHandlers } from './services/imports';
import { planYearHandlers } from './services/planYears';
import { retentionHandlers } from './services/retention';
import { rosterHandlers } from './services/roster';
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
};

function validationError(err: z.ZodError): AppError {
  const first = err.issues[0];
  const field = first?.path.join('.') || undefined;
  return new AppError(
    'VALIDATION',
    first ? `${field ? `欄位「${field}」` : '輸入'}：${first.message}` : '輸入格式錯誤',
    field,
    err.issues.map((i) => ({ field: i.path.join('.'), message: i.message })),
  );
}

export type Dispatch = (method: string, input: unknown) => Promise<ApiResult<unknown>>;

export function createDispatcher(ctx: ServiceContext, table: Handlers = handlers): Dispatch {
  return async (method, input) => {
    try {
      if (typeof method !== 'string' || !Object.hasOwn(contract, method)) {
        throw new AppError('UNKNOWN_METHOD', `沒有這個功能：${String(method)}`);
      }
      const m = method as Method;
      const parsed = contract[m].input.safeParse(input ?? {});
      if (!parsed.success) throw validationError(parsed.error);
      const result = await (table[m] as (i: unknown, c: ServiceContext) => unknown)(parsed.data, ctx);
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
