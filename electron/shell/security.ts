// The Electron shell's security decisions as pure functions, so they are unit-tested without an Electron binary.
// main.ts only wires these into Electron's hooks.
import path from 'node:path';
import type { WebPreferences } from 'electron';
import type { ApiResult } from '../../shared/api/errors';
import type { Dispatch } from '../api';

export const APP_SCHEME = 'app';
export const APP_HOST = 'staffbook';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY = `${APP_ORIGIN}/index.html`;

// Same policy as renderer/index.html's meta tag, sent as a header too so it holds even if the meta is ever dropped.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'", // Element Plus sets inline styles
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

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

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.json': 'application/json',
};

export function mimeType(file: string): string {
  return MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** Maps an app:// request to a file under rootDir, or null for another host or anything escaping rootDir. */
export function resolveAssetPath(rootDir: string, requestUrl: string): string | null {
  const u = parse(requestUrl);
  if (!u || !isAppUrl(requestUrl)) return null;
  let rel: string;
  try {
    rel = decodeURIComponent(u.pathname);
  } catch {
    return null;
  }
  if (rel.includes('\0')) return null;
  if (rel === '/' || rel === '') rel = '/index.html';
  const root = path.resolve(rootDir);
  const file = path.resolve(root, '.' + rel.replaceAll('\\', '/'));
  return file.startsWith(root + path.sep) ? file : null;
}
