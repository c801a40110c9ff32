// dist:check's start-up probe, run in a child process as
//   node --import ./registerStub.mjs probe.mjs <unpacked app dir>
// with STAFFBOOK_HOME set to an empty folder. It starts the packed app the way Electron would (package.json "main"),
// then checks what a clerk's first launch depends on: start-up order, the preload, app:// serving every asset of the
// renderer, and a first sign-in through the IPC channel. Prints one JSON report on stdout; never throws.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import vm from 'node:vm';

const appDir = path.resolve(process.argv[2]);
const checks = [];
const check = (name, ok, detail = '') => checks.push({ name, ok: Boolean(ok), detail });
const rec = () => globalThis.__electronStub;
const indexOf = (name, pred = () => true) => rec().events.findIndex((e) => e.name === name && pred(e));

async function waitFor(predicate, ms) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (predicate()) return true;
    await new Promise((r) => setTimeout(r, 25));
  }
  return predicate();
}

async function startApp() {
  const pkg = JSON.parse(fs.readFileSync(path.join(appDir, 'package.json'), 'utf8'));
  const main = path.join(appDir, pkg.main ?? 'index.js');
  check('package.json "main" exists in the package', fs.existsSync(main), path.relative(appDir, main));
  await import('./electronStub.mjs'); // creates the record before the app touches it
  rec().paths.set('default', process.env.STAFFBOOK_HOME);
  await import(pathToFileURL(main).href);
  const opened = await waitFor(() => rec().windows.some((w) => w.loaded.length) || rec().errors.length, 30_000);
  check('the app opens a window and loads its entry page', opened && rec().errors.length === 0, rec().errors.join(' | '));
}

function checkOrder() {
  const ev = rec().events;
  const at = (name, pred) => indexOf(name, pred);
  const schemes = at('protocol.registerSchemesAsPrivileged');
  const handled = Math.max(at('protocol.handle', (e) => e.scheme === 'app'), at('session.protocol.handle', (e) => e.scheme === 'app' && !e.partition));
  const ipc = at('ipcMain.handle', (e) => e.channel === 'staffbook:call');
  const permReq = at('setPermissionRequestHandler', (e) => !e.partition);
  const permCheck = at('setPermissionCheckHandler', (e) => !e.partition);
  const guard = at('app.on', (e) => e.event === 'web-contents-created');
  const win = at('BrowserWindow');
  const load = at('loadURL');
  check('app:// registered as privileged before ready', schemes >= 0 && !ev[schemes].ready);
  check('app:// handler installed after ready and before the page loads', handled >= 0 && ev[handled].ready && handled < load);
  check('IPC handler installed before the page loads', ipc >= 0 && ipc < load);
  check('permission request and check handlers set before the page loads', permReq >= 0 && permCheck >= 0 && Math.max(permReq, permCheck) < load);
  check('every webContents guarded before the first window', guard >= 0 && guard < win);
  const home = process.env.STAFFBOOK_HOME;
  check('database created in STAFFBOOK_HOME before the window', fs.existsSync(path.join(home, 'staffbook.db')) && win >= 0);
}

/** Runs the packed preload.cjs in a sandbox-like context where only `electron` can be required. */
async function checkPreload(win) {
  const preload = win.options.webPreferences?.preload;
  const inside = typeof preload === 'string' && path.resolve(preload).startsWith(appDir + path.sep);
  check('preload path points into the package', inside && fs.existsSync(preload), String(preload));
  if (!inside || !fs.existsSync(preload)) return;
  const exposed = {};
  const invoked = [];
  const required = [];
  const electron = {
    contextBridge: { exposeInMainWorld: (key, api) => (exposed[key] = api) },
    ipcRenderer: { invoke: async (...args) => (invoked.push(args), null) },
  };
  const sandboxRequire = (id) => {
    required.push(id);
    if (id !== 'electron') throw new Error(`the sandboxed preload cannot require "${id}"`);
    return electron;
  };
  const module = { exports: {} };
  try {
    vm.runInNewContext(`(function (require, module, exports) {${fs.readFileSync(preload, 'utf8')}\n})`, {})(sandboxRequire, module, module.exports);
    await exposed.staffbook?.call('auth.status', {}, 'token');
  } catch (e) {
    check('preload runs with only `electron` available', false, String(e));
    return;
  }
  check('preload runs with only `electron` available', required.every((r) => r === 'electron'), required.join(', '));
  check('preload exposes exactly staffbook.call', Object.keys(exposed).join() === 'staffbook' && Object.keys(exposed.staffbook).join() === 'call');
  check("staffbook.call goes to the 'staffbook:call' channel", invoked[0]?.[0] === 'staffbook:call' && invoked[0]?.[1] === 'auth.status', JSON.stringify(invoked[0]));
}

/** Asks the app:// handler for every file the renderer ships and every asset the pages reference. */
async function checkAssets(entry) {
  const serve = rec().protocols.get('app');
  if (!serve) return check('app:// handler registered', false);
  const get = async (url) => {
    const res = await serve(new Request(url));
    return { status: res.status, headers: res.headers, body: Buffer.from(await res.arrayBuffer()) };
  };
  const index = await get(entry);
  const html = index.body.toString('utf8');
  check('entry page served', index.status === 200 && html.includes('<div id="app"'), `${entry} → ${index.status}`);
  const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
  // frame-ancestors works only as a header (a <meta> ignores it with a console error), so the meta carries the rest
  const withoutFraming = (csp) => (csp ?? '').split(';').map((d) => d.trim()).filter((d) => d && !d.startsWith('frame-ancestors')).join('; ');
  const header = index.headers.get('content-security-policy');
  check('CSP header = the page\'s CSP meta + frame-ancestors', !!meta && withoutFraming(header) === withoutFraming(meta) && /frame-ancestors 'none'/.test(header ?? '') && index.headers.get('x-frame-options') === 'DENY');

  const rendererDir = path.resolve(path.dirname(rec().windows[0].options.webPreferences.preload), '..', 'renderer');
  const files = fs.readdirSync(rendererDir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
  const referenced = new Set();
  const refPattern = /(?:src|href)="\/?([^"#?:]+\.(?:js|css|svg|png|ico|woff2?))"|["'(/]((?:\.\/)?assets\/[\w.-]+\.(?:js|css|svg|png|woff2?|ttf))/g;
  const bad = [];
  for (const f of files) {
    const abs = path.join(f.parentPath ?? f.path, f.name);
    const rel = path.relative(rendererDir, abs).split(path.sep).join('/');
    if (/\.(html|js|css)$/.test(rel)) {
      for (const m of fs.readFileSync(abs, 'utf8').matchAll(refPattern)) referenced.add((m[1] ?? m[2]).replace(/^\.\//, ''));
    }
    const res = await get(new URL(rel, entry).href);
    if (res.status !== 200 || !res.body.equals(fs.readFileSync(abs))) bad.push(`${rel} → ${res.status}`);
  }
  check(`app:// serves every renderer file byte for byte (${files.length})`, files.length > 0 && bad.length === 0, bad.slice(0, 5).join(', '));
  const missing = [];
  for (const ref of referenced) {
    // chunks refer to siblings as "assets/x.js" relative to the site root
    const res = await get(new URL(ref.startsWith('assets/') ? `/${ref}` : ref, entry).href);
    if (res.status !== 200) missing.push(`${ref} → ${res.status}`);
  }
  check(`every asset the pages reference is served (${referenced.size})`, referenced.size > 0 && missing.length === 0, missing.slice(0, 5).join(', '));
  const escape = await get(new URL('/..%2f..%2fpackage.json', entry).href);
  check('app:// refuses paths outside the renderer', escape.status === 404, String(escape.status));
}

async function checkSignIn() {
  const call = rec().ipc.get('staffbook:call');
  if (!call) return check('IPC channel staffbook:call registered', false);
  const page = { senderFrame: { url: rec().windows[0].loaded[0] } };
  const status = await call(page, 'auth.status', {});
  check('first launch asks to create the administrator', status?.ok && status.data.needsSetup === true, JSON.stringify(status));
  const setup = await call(page, 'auth.setup', { username: 'admin', displayName: '測試管理者', password: 'dist-check-only-1' });
  check('administrator created and signed in', setup?.ok && typeof setup.data.session === 'string', JSON.stringify(setup?.error ?? ''));
  const roles = await call(page, 'roles.list', {}, setup?.data?.session);
  check('a signed-in call reaches the database (roles.list)', roles?.ok === true, JSON.stringify(roles?.error ?? ''));
  const foreign = await call({ senderFrame: { url: 'https://evil.example/' } }, 'auth.status', {});
  check('a foreign frame is refused', foreign?.ok === false);
}

try {
  await startApp();
  const win = rec().windows[0];
  if (win) {
    checkOrder();
    await checkPreload(win);
    await checkAssets(win.loaded[0]);
    await checkSignIn();
  }
} catch (e) {
  check('the packed app starts', false, e instanceof Error ? `${e.message}\n${e.stack}` : String(e));
}
for (const fn of rec()?.appListeners.get('will-quit') ?? []) fn({ preventDefault() {} });
process.stdout.write(`\n@@probe ${JSON.stringify(checks)}\n`);
process.exit(0);
