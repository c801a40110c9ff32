// One call to the back end over whichever shell hosts the page: Electron IPC (preload's `window.staffbook`) or browser
// mode's loopback HTTP bridge. Shared by the api client and the boot module, which calls before the app has loaded.
import type { ApiResult } from '../../shared/api/errors';

declare global {
  interface Window {
    staffbook?: { call: (method: string, input: unknown, session?: string) => Promise<ApiResult<unknown>> };
  }
}

async function overHttp(method: string, input: unknown, session: string | undefined): Promise<ApiResult<unknown>> {
  const token = document.querySelector<HTMLMetaElement>('meta[name="staffbook-token"]')?.content ?? '';
  const res = await fetch('./api/call', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-staffbook-token': token, ...(session ? { 'x-staffbook-session': session } : {}) },
    body: JSON.stringify({ method, input }),
  });
  if (!res.ok && res.status !== 200) return { ok: false, error: { code: 'INTERNAL', message: `連線錯誤（HTTP ${res.status}）` } };
  return res.json();
}

export async function send(method: string, input: unknown, session: string | undefined): Promise<ApiResult<unknown>> {
  return window.staffbook ? window.staffbook.call(method, input, session) : overHttp(method, input, session);
}
