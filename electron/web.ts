// Browser mode: the built renderer and the dispatcher over a loopback-only HTTP bridge. Used for development and by
// the end-to-end tests. Every API call must carry this run's random token, which only the served page knows.
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Dispatch } from './api';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.json': 'application/json',
};
const MAX_BODY = 45 * 1024 * 1024;

export function rendererDir(): string {
  return path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'renderer');
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

export async function startWebServer(opts: { dispatch: Dispatch; port?: number; staticDir?: string }): Promise<WebServer> {
  const token = crypto.randomBytes(24).toString('hex');
  const staticDir = opts.staticDir ?? rendererDir();
  const indexFile = path.join(staticDir, 'index.html');
  if (!fs.existsSync(indexFile)) throw new Error(`找不到畫面檔 ${indexFile}；請先執行 npm run build:web`);
  const index = fs.readFileSync(indexFile, 'utf8').replace('</head>', `<meta name="staffbook-token" content="${token}"></head>`);
  let port = 0;

  const server = http.createServer(async (req, res) => {
    // Only this machine, addressed by name or loopback IP: blocks DNS-rebinding pages from reaching the API.
    const host = req.headers.host ?? '';
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) {
      res.writeHead(403).end('forbidden');
      return;
    }
    const url = new URL(req.url ?? '/', `http://${host}`);
    const security = { 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer', 'cache-control': 'no-store' };
    if (url.pathname === '/api/call') {
      if (req.method !== 'POST' || req.headers['x-staffbook-token'] !== token) {
        res.writeHead(403, security).end('forbidden');
        return;
      }
      let payload: { method?: unknown; input?: unknown };
      try {
        payload = JSON.parse(await readBody(req));
      } catch {
        res.writeHead(400, security).end('bad request');
        return;
      }
      const session = req.headers['x-staffbook-session'];
      const result = await opts.dispatch(String(payload?.method), payload?.input, { session: typeof session === 'string' ? session : undefined });
      res.writeHead(200, { ...security, 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(result));
      return;
    }
    if (req.method !== 'GET') {
      res.writeHead(405, security).end();
      return;
    }
    const rel = url.pathname === '/' ? '/index.html' : decodeURIComponent(url.pathname);
    const file = path.resolve(staticDir, '.' + rel);
    if (!file.startsWith(staticDir + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404, security).end('not found');
      return;
    }
    const type = MIME[path.extname(file)] ?? 'application/octet-stream';
    res.writeHead(200, { ...security, 'content-type': type });
    res.end(file === indexFile ? index : fs.readFileSync(file));
  });

  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', resolve));
  port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}/`,
    token,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
