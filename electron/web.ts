// Browser mode: the built renderer and the dispatcher over a loopback-only HTTP bridge. Used for development and by
// the end-to-end tests. Every API call must carry this run's random token, which only the served page knows.
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Dispatch } from './api';
import { SECURITY_HEADERS, serveStatic } from './staticFiles';

const MAX_BODY = 45 * 1024 * 1024;

export function rendererDir(): string {
  return path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'renderer');
}

/** The first-start code printed on the console: 8 characters without look-alikes (0/O, 1/I), ~40 bits. */
export function oneTimeCode(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const c = Array.from({ length: 8 }, () => alphabet[crypto.randomInt(alphabet.length)]).join('');
  return `${c.slice(0, 4)}-${c.slice(4)}`;
}

export interface WebServer {
  url: string;
  token: string;
  close: () => Promise<void>;
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new Error('請求過大'));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

const STATUS_WAIT_MS = 200;
const HTML_ATTR: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const htmlAttr = (text: string) => text.replace(/[&<>"']/g, (c) => HTML_ATTR[c]);

export async function startWebServer(opts: { dispatch: Dispatch; port?: number; staticDir?: string }): Promise<WebServer> {
  const token = crypto.randomBytes(24).toString('hex');
  const staticDir = opts.staticDir ?? rendererDir();
  const indexFile = path.join(staticDir, 'index.html');
  if (!fs.existsSync(indexFile)) throw new Error(`找不到畫面檔 ${indexFile}；請先執行 npm run build:web`);
  // The page carries its per-run token and two public answers as they stand when the page is served, asked without a
  // session: the sign-in status (auth.status) and the database's own (system.status, whether the file is damaged, which
  // every screen shows). The page's first module need not ask again: a start saves one round trip before the sign-in
  // form, or before the first data where no sign-in is needed, and one request while the first screen draws. Without
  // them the page asks. A back end busy with long work (an import, a restore) does not hold the page up: past
  // STATUS_WAIT_MS the page goes out without them, and the page asks.
  const served = async (name: string, method: string) => {
    const answer = await Promise.race([opts.dispatch(method, {}), new Promise<null>((r) => setTimeout(r, STATUS_WAIT_MS, null))]);
    return answer?.ok ? `<meta name="${name}" content="${htmlAttr(JSON.stringify(answer.data))}">` : '';
  };
  const page = async (html: string) => {
    const answers = await Promise.all([served('staffbook-status', 'auth.status'), served('staffbook-system', 'system.status')]);
    // before the head's first script (the boot module is async: it may run before the parser reaches </head>), else
    // at the end of the head
    const metas = `<meta name="staffbook-token" content="${token}">${answers.join('')}`;
    const end = html.indexOf('</head>');
    const script = html.search(/<script[\s>]/i);
    const at = script >= 0 && script < end ? script : end;
    return at >= 0 ? `${html.slice(0, at)}${metas}${html.slice(at)}` : html;
  };
  let port = 0;

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    // Only this machine, addressed by name or loopback IP: blocks DNS-rebinding pages from reaching the API.
    const host = req.headers.host ?? '';
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) {
      res.writeHead(403, SECURITY_HEADERS).end('forbidden');
      return;
    }
    // The path as sent, still percent-encoded: decoding is serveStatic's job, and a bad escape is its 400.
    const pathname = (req.url ?? '/').split(/[?#]/)[0] || '/';
    if (pathname === '/api/call') {
      if (req.method !== 'POST' || req.headers['x-staffbook-token'] !== token) {
        res.writeHead(403, SECURITY_HEADERS).end('forbidden');
        return;
      }
      let payload: { method?: unknown; input?: unknown };
      try {
        payload = JSON.parse(await readBody(req));
      } catch {
        res.writeHead(400, SECURITY_HEADERS).end('bad request');
        return;
      }
      const session = req.headers['x-staffbook-session'];
      const result = await opts.dispatch(String(payload?.method), payload?.input, { session: typeof session === 'string' ? session : undefined });
      res.writeHead(200, { ...SECURITY_HEADERS, 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(result));
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, SECURITY_HEADERS).end();
      return;
    }
    const r = await serveStatic(staticDir, pathname, page);
    res.writeHead(r.status, r.headers).end(req.method === 'HEAD' ? undefined : r.body);
  };

  // No request may end the server: whatever one request throws becomes its own 500.
  const server = http.createServer((req, res) => {
    handle(req, res).catch((e) => {
      console.error('[staffbook] request failed:', e instanceof Error ? e.message : e);
      if (!res.headersSent) res.writeHead(500, SECURITY_HEADERS);
      res.end();
    });
  });
  server.on('clientError', (_e, socket) => socket.destroy());

  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', resolve));
  port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}/`,
    token,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
