// The Electron shell's security decisions as pure functions, so they are unit-tested without an Electron binary.
// main.ts only wires these into Electron's hooks.
import type { WebPreferences } from 'electron';
import type { ApiResult } from '../../shared/api/errors';
import type { Dispatch } from '../api';
import { resolveStaticPath } from '../staticFiles';

export const APP_SCHEME = 'app';
export const APP_HOST = 'staffbook';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY = `${APP_ORIGIN}/index.html`;

// The policy and the MIME table live with the one static-file server both shells use.
export { CONTENT_SECURITY_POLICY, mimeType } from '../staticFiles';

/** Sites the app may hand to the OS browser. Everything else a page tries to open is dropped. */
export const EXTERNAL_ALLOW_ORIGINS: readonly string[] = ['https://www.mohw.gov.tw'];

export function secureWebPreferences(preload: string): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInSubFrames: false,
    nodeIntegrationInWorker: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false,
    // the code cache is written on the first run rather than after a script has been seen twice: the app's bundle is
    // the same file at every start (see the scheme's codeCache in main.ts)
    v8CacheOptions: 'bypassHeatCheck',
  };
}

function parse(url: string | null | undefined): URL | null {
  if (!url) return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** Own pages only. Compared by scheme + host because Node reports origin "null" for custom schemes. */
export function isAppUrl(url: string | null | undefined): boolean {
  const u = parse(url);
  return u !== null && u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST && u.username === '' && u.password === '';
}

/** IPC guard: only a frame showing our own app:// page may reach the database. */
export function isTrustedSender(frameUrl: string | null | undefined): boolean {
  return isAppUrl(frameUrl);
}

/** What ipcMain.handle('staffbook:call') runs: drops calls from any frame that is not our page (e.g. an injected
 * iframe or a page reached by a navigation bug), before the dispatcher sees them. */
export function createIpcCallHandler(dispatch: Dispatch) {
  return async (
    event: { senderFrame: { url: string } | null },
    method: unknown,
    input: unknown,
    session?: unknown,
  ): Promise<ApiResult<unknown>> => {
    if (!isTrustedSender(event.senderFrame?.url)) {
      return { ok: false, error: { code: 'FORBIDDEN', message: '拒絕來源不明的呼叫' } };
    }
    return dispatch(String(method), input, { session: typeof session === 'string' ? session : undefined });
  };
}

/** will-navigate: true means "cancel". In-app (hash) navigation stays; everything else is blocked. */
export function shouldBlockNavigation(targetUrl: string): boolean {
  return !isAppUrl(targetUrl);
}

export function isAllowedExternal(url: string): boolean {
  const u = parse(url);
  return u !== null && u.protocol === 'https:' && EXTERNAL_ALLOW_ORIGINS.includes(u.origin);
}

/** setWindowOpenHandler: never a new Electron window; allow-listed https links go to the OS browser. */
export function decideWindowOpen(url: string): { action: 'deny'; openExternally: boolean } {
  return { action: 'deny', openExternally: isAllowedExternal(url) };
}

/**
 * Permissions: the app needs no camera, notifications, geolocation, … — only writing plain text to the clipboard,
 * for its 複製 buttons (navigator.clipboard.writeText asks for 'clipboard-sanitized-write'), and only from its own
 * app:// page. Everything else, and anything asked by another origin, is refused.
 */
export const GRANTED_PERMISSIONS: readonly string[] = ['clipboard-sanitized-write'];

export function isPermissionGranted(permission: string, requestingUrl: string | null | undefined): boolean {
  return GRANTED_PERMISSIONS.includes(permission) && isAppUrl(requestingUrl);
}

/** session.setPermissionRequestHandler */
export function permissionRequestHandler(
  _wc: unknown,
  permission: string,
  callback: (granted: boolean) => void,
  details?: { requestingUrl?: string },
): void {
  callback(isPermissionGranted(permission, details?.requestingUrl));
}

/** session.setPermissionCheckHandler: Chromium asks this before it would prompt; same rule as requests. */
export function permissionCheckHandler(_wc: unknown, permission: string, requestingOrigin: string, details?: { requestingUrl?: string }): boolean {
  return isPermissionGranted(permission, details?.requestingUrl ?? requestingOrigin);
}

/** Maps an app:// request to a file under rootDir, or null for another host or anything escaping rootDir. */
export function resolveAssetPath(rootDir: string, requestUrl: string): string | null {
  const u = parse(requestUrl);
  if (!u || !isAppUrl(requestUrl)) return null;
  const r = resolveStaticPath(rootDir, u.pathname);
  return 'file' in r ? r.file : null;
}
