// Issue 13 items 2 and 10: no request ends browser mode, and every response forbids framing by header.
// The server is started on port 0 over a small renderer folder and a dispatcher that can be told to throw.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dispatch } from '../../electron/api';
import { serveStatic } from '../../electron/staticFiles';
import { startWebServer, type WebServer } from '../../electron/web';

let dir: string;
let server: WebServer;
// a stand-in for the dispatcher: answers with the method name, throws for 'explode'
const dispatch = (async (method: string) => {
  if (method === 'explode') throw new Error('boom');
  return { ok: true as const, data: { method } };
}) as Dispatch;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'staffbook-web-'));
  fs.writeFileSync(path.join(dir, 'index.html'), '<html><head></head><body>人力簿</body></html>');
  fs.mkdirSync(path.join(dir, 'assets'));
  fs.writeFileSync(path.join(dir, 'assets', 'a.js'), 'export {}');
  server = await startWebServer({ dispatch, staticDir: dir });
});
afterAll(async () => {
  await server?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A raw request: the path goes out exactly as written (fetch would normalise it). */
function raw(rawPath: string, opts: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  const u = new URL(server.url);
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const req = http.request({ host: u.hostname, port: u.port, path: rawPath, method: opts.method ?? 'GET', headers: opts.headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}
const call = (method: string) =>
  raw('/api/call', { method: 'POST', headers: { 'x-staffbook-token': server.token, 'content-type': 'application/json' }, body: JSON.stringify({ method, input: {} }) });

describe('browser mode survives hostile requests', () => {
  it('a malformed percent-escape (no token needed) is a 400 and the server keeps answering', async () => {
    expect((await raw('/%E0%A4%A')).status).toBe(400);
    expect((await raw('/assets/%E0%A4%A.js')).status).toBe(400);
    expect((await raw('/a%00.js')).status).toBe(400);
    const index = await raw('/');
    expect(index.status).toBe(200);
    expect(index.body).toContain(`content="${server.token}"`);
  });

  it('the page carries the sign-in status it was served with, escaped as an attribute, so its first module need not ask', async () => {
    const index = await raw('/');
    const m = index.body.match(/<meta name="staffbook-status" content="([^"]*)">/);
    expect(m?.[1]).toContain('&quot;'); // JSON's quotes cannot end the attribute
    const decoded = m![1].replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
    expect(JSON.parse(decoded)).toEqual({ method: 'auth.status' }); // the dispatcher's auth.status answer, asked without a session
  });

  it('and the database\'s own status (system.status: is the file damaged), which every screen asks for', async () => {
    const index = await raw('/');
    const m = index.body.match(/<meta name="staffbook-system" content="([^"]*)">/);
    expect(JSON.parse(m![1].replace(/&quot;/g, '"'))).toEqual({ method: 'system.status' });
  });

  it('the token and status come before the head\'s first script (an async boot module may run before </head> is parsed)', async () => {
    const d = fs.mkdtempSync(path.join(os.tmpdir(), 'staffbook-web-'));
    fs.writeFileSync(path.join(d, 'index.html'), '<html><head><meta charset="utf-8"><script type="module" async src="./boot.js"></script></head><body><script src="./x.js"></script></body></html>');
    const other = await startWebServer({ dispatch, staticDir: d });
    try {
      const html = await (await fetch(`${other.url}`)).text();
      const token = html.indexOf('name="staffbook-token"');
      expect(token).toBeGreaterThan(html.indexOf('charset'));
      expect(token).toBeLessThan(html.indexOf('<script'));
      expect(html.indexOf('name="staffbook-status"')).toBeLessThan(html.indexOf('<script'));
      expect(html.indexOf('name="staffbook-system"')).toBeLessThan(html.indexOf('<script'));
    } finally {
      await other.close();
      fs.rmSync(d, { recursive: true, force: true });
    }
  });

  it('paths outside the renderer folder are 404, other hosts 403, bad JSON 400', async () => {
    expect((await raw('/..%2f..%2f..%2fetc%2fpasswd')).status).toBe(404);
    expect((await raw('/assets/a.js')).status).toBe(200);
    expect((await raw('/', { headers: { host: 'evil.example' } })).status).toBe(403);
    const bad = await raw('/api/call', { method: 'POST', headers: { 'x-staffbook-token': server.token }, body: '{not json' });
    expect(bad.status).toBe(400);
  });

  it('an exception inside a call is that request’s 500, not the end of the process', async () => {
    expect((await call('explode')).status).toBe(500);
    const after = await call('auth.status');
    expect(after.status).toBe(200);
    expect(JSON.parse(after.body)).toEqual({ ok: true, data: { method: 'auth.status' } });
  });

  it('every response forbids framing by header: frame-ancestors and X-Frame-Options DENY', async () => {
    for (const r of [await raw('/'), await raw('/assets/a.js'), await raw('/%E0%A4%A'), await raw('/nope'), await call('auth.status')]) {
      expect(r.headers['x-frame-options']).toBe('DENY');
      expect(r.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
      expect(r.headers['x-content-type-options']).toBe('nosniff');
    }
  });

  it('the app:// handler uses the same module: same answers and headers for the same paths', async () => {
    const bad = await serveStatic(dir, '/%E0%A4%A');
    expect(bad.status).toBe(400);
    const ok = await serveStatic(dir, '/assets/a.js');
    expect(ok.status).toBe(200);
    expect(ok.headers['x-frame-options']).toBe('DENY');
    expect((await serveStatic(dir, '/../a.db')).status).toBe(404);
  });

  it('the built page no longer puts frame-ancestors in a <meta>, where browsers ignore it with a console error', () => {
    const html = fs.readFileSync(path.resolve(__dirname, '../../renderer/index.html'), 'utf8');
    expect(html).toContain('Content-Security-Policy');
    expect(html).not.toContain('frame-ancestors');
  });
});
