// The renderer's files, served the same way to Electron's app:// handler and to browser mode: one path resolution,
// one set of response headers. A malformed URL (`/%E0%A4%A`) is a 400, a path outside the folder a 404 — never an
// exception that could end the process.
import fs from 'node:fs';
import path from 'node:path';

// Sent as a response header: `frame-ancestors` only works there (in a <meta> it is ignored with a console error),
// and X-Frame-Options DENY covers browsers that predate it.
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

/** Every response of both shells carries these, errors included. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
};

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

export type Resolved = { file: string } | { status: 400 | 404 };

/** Maps a URL path (still percent-encoded) to a file under rootDir; 400 when it does not decode, 404 outside. */
export function resolveStaticPath(rootDir: string, encodedPath: string): Resolved {
  let rel: string;
  try {
    rel = decodeURIComponent(encodedPath);
  } catch {
    return { status: 400 };
  }
  if (rel.includes('\0')) return { status: 400 };
  if (rel === '/' || rel === '') rel = '/index.html';
  const root = path.resolve(rootDir);
  const file = path.resolve(root, '.' + rel.replaceAll('\\', '/'));
  return file.startsWith(root + path.sep) ? { file } : { status: 404 };
}

export interface StaticResponse {
  status: number;
  headers: Record<string, string>;
  body: Uint8Array<ArrayBuffer> | string;
}

const plain = (status: number, text: string): StaticResponse => ({
  status,
  headers: { ...SECURITY_HEADERS, 'content-type': 'text/plain; charset=utf-8' },
  body: text,
});

/**
 * Answers a GET for a renderer file. `index` may rewrite index.html (browser mode adds its per-run token and the
 * sign-in status there). Never throws: an unreadable file is a 404, anything unexpected a 500.
 */
export async function serveStatic(rootDir: string, encodedPath: string, index?: (html: string) => string | Promise<string>): Promise<StaticResponse> {
  try {
    const r = resolveStaticPath(rootDir, encodedPath);
    if ('status' in r) return plain(r.status, r.status === 400 ? 'bad request' : 'not found');
    const stat = await fs.promises.stat(r.file).catch(() => null);
    if (!stat?.isFile()) return plain(404, 'not found');
    const isIndex = path.basename(r.file) === 'index.html' && path.dirname(r.file) === path.resolve(rootDir);
    const body = isIndex && index ? await index(await fs.promises.readFile(r.file, 'utf8')) : new Uint8Array(await fs.promises.readFile(r.file));
    return { status: 200, headers: { ...SECURITY_HEADERS, 'content-type': mimeType(r.file) }, body };
  } catch {
    return plain(500, 'server error');
  }
}
