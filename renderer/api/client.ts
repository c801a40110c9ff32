// The renderer's only way to the back end. Components and stores call `api(method, input)`; whether that travels over
// Electron IPC (preload's `window.staffbook`) or browser mode's loopback HTTP bridge is decided here and nowhere else.
import type { Input, Method, Output } from '../../shared/api/contract';
import type { ApiErrorData, ApiResult, IssueDetail } from '../../shared/api/errors';

declare global {
  interface Window {
    staffbook?: { call: (method: string, input: unknown, session?: string) => Promise<ApiResult<unknown>> };
  }
}

// The signed-in session travels with every call; an expired one sends the app back to the sign-in screen.
let session: string | undefined;
let onSignedOut: () => void = () => {};
export function setSession(token: string | undefined): void {
  session = token;
}
export function whenSignedOut(fn: () => void): void {
  onSignedOut = fn;
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
    headers: { 'content-type': 'application/json', 'x-staffbook-token': token, ...(session ? { 'x-staffbook-session': session } : {}) },
    body: JSON.stringify({ method, input }),
  });
  if (!res.ok && res.status !== 200) return { ok: false, error: { code: 'INTERNAL', message: `連線錯誤（HTTP ${res.status}）` } };
  return res.json();
}

export async function api<M extends Method>(method: M, input: Input<M>): Promise<Output<M>> {
  const result = window.staffbook ? await window.staffbook.call(method, input, session) : await overHttp(method, input);
  if (!result.ok) {
    if (result.error.code === 'UNAUTHENTICATED') onSignedOut();
    throw new ApiCallError(result.error);
  }
  return result.data as Output<M>;
}
