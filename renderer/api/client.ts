// The renderer's only way to the back end. Components and stores call `api(method, input)`; whether that travels over
// Electron IPC (preload's `window.staffbook`) or browser mode's loopback HTTP bridge is decided here and nowhere else.
import type { Input, Method, Output } from '../../shared/api/contract';
import type { ApiErrorData, ApiResult, IssueDetail } from '../../shared/api/errors';

declare global {
  interface Window {
    staffbook?: { call: (method: string, input: unknown) => Promise<ApiResult<unknown>> };
  }
}

export class ApiCallError extends Error {
  readonly code: string;
  readonly field?: string;
  readonly issues: IssueDetail[];
  constructor(data: ApiErrorData) {
    super(data.message);
    this.code = data.code;
    this.field = data.field;
    this.issues = data.issues ?? [];
  }
}

async function overHttp(method: string, input: unknown): Promise<ApiResult<unknown>> {
  const token = document.querySelector<HTMLMetaElement>('meta[name="staffbook-token"]')?.content ?? '';
  const res = await fetch('./api/call', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-staffbook-token': token },
    body: JSON.stringify({ method, input }),
  });
  if (!res.ok && res.status !== 200) return { ok: false, error: { code: 'INTERNAL', message: `連線錯誤（HTTP ${res.status}）` } };
  return res.json();
}

export async function api<M extends Method>(method: M, input: Input<M>): Promise<Output<M>> {
  const send = window.staffbook ? window.staffbook.call : overHttp;
  const result = await send(method, input);
  if (!result.ok) throw new ApiCallError(result.error);
  return result.data as Output<M>;
}
