// The Electron shell, kept thin: one back end, the built renderer served over app://, one locked-down window and the
// single IPC channel into the dispatcher. Security decisions live in shell/security.ts (unit-tested without Electron).
// Usage: `electron . [--demo] [--db <file>]`. Bundled to dist/electron/main.mjs by build/bundle-electron.ts.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, safeStorage, session, shell, type WebContents } from 'electron';
import { dailyBackup, openBackend, type Backend } from './backend';
import { resolveDbPath } from './db/defaultLocation';
import { createDemoOffice } from './demo/demoOffice';
import { keySourcesFromEnv } from './db/encryption/unlock';
import { osKeyStoreFrom } from './shell/osKeyStore';
import * as sec from './shell/security';
import { serveStatic } from './staticFiles';

const here = path.dirname(fileURLToPath(import.meta.url));
// Bundle layout: dist/electron/{main.mjs,preload.cjs,migrations/} beside dist/renderer (also inside app.asar).
const RENDERER_DIR = path.resolve(here, '..', 'renderer');
const PRELOAD = path.join(here, 'preload.cjs');

// Must precede `ready`: a standard, secure scheme gives the page a real origin, so 'self' in the CSP and fetch work.
// codeCache: V8 keeps the compiled start-up code between launches (custom schemes get none unless asked; it needs
// `standard`), so from the second start on the app's ~280 KB of JS is not compiled again.
protocol.registerSchemesAsPrivileged([
  { scheme: sec.APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
]);

const { values } = parseArgs({
  args: process.argv.slice(app.isPackaged ? 1 : 2),
  options: { demo: { type: 'boolean' }, db: { type: 'string' } },
  strict: false, // Chromium adds its own switches
  allowPositionals: true,
});
const demo = values.demo === true;
const demoDir = demo ? fs.mkdtempSync(path.join(os.tmpdir(), 'staffbook-demo-')) : null;
const explicitDb = typeof values.db === 'string' ? values.db : undefined;

let backend: Backend | null = null;
let mainWindow: BrowserWindow | null = null;

function serveRenderer(): void {
  protocol.handle(sec.APP_SCHEME, async (request) => {
    if (!sec.isAppUrl(request.url)) return new Response('not found', { status: 404 });
    const r = await serveStatic(RENDERER_DIR, new URL(request.url).pathname);
    return new Response(r.body, { status: r.status, headers: r.headers });
  });
}

/** Applied to every webContents, so a future second window or frame cannot opt out. */
function guardContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => {
    if (sec.shouldBlockNavigation(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    const decision = sec.decideWindowOpen(url);
    if (decision.openExternally) void shell.openExternal(url);
    return { action: decision.action };
  });
}

function buildMenu(): Menu {
  return Menu.buildFromTemplate([
    { label: '檔案', submenu: [{ role: 'quit', label: '結束' }] },
    {
      label: '編輯',
      submenu: [
        { role: 'undo', label: '復原' },
        { role: 'redo', label: '重做' },
        { type: 'separator' },
        { role: 'cut', label: '剪下' },
        { role: 'copy', label: '複製' },
        { role: 'paste', label: '貼上' },
        { role: 'selectAll', label: '全選' },
      ],
    },
    {
      label: '檢視',
      submenu: [
        { role: 'reload', label: '重新整理' },
        { role: 'resetZoom', label: '實際大小' },
        { role: 'zoomIn', label: '放大' },
        { role: 'zoomOut', label: '縮小' },
        { type: 'separator' },
        { role: 'togglefullscreen', label: '全螢幕' },
        ...(app.isPackaged ? [] : [{ role: 'toggleDevTools' as const, label: '開發者工具' }]),
      ],
    },
  ]);
}

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    title: '人力簿 Staffbook',
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    show: false,
    webPreferences: sec.secureWebPreferences(PRELOAD),
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(sec.APP_ENTRY);
  return win;
}

async function start(): Promise<void> {
  // The same file the CLI and browser mode open (--db, STAFFBOOK_DB, STAFFBOOK_HOME, the local per-user folder),
  // resolved inside the try: moving a roaming database to the local folder can fail and must be shown, not crash.
  let dbPath = demoDir ? path.join(demoDir, 'demo.db') : (explicitDb ?? '');
  try {
    const keys = { ...keySourcesFromEnv(), os: osKeyStoreFrom(safeStorage) };
    if (!demoDir) dbPath = resolveDbPath(explicitDb, { keys });
    fs.mkdirSync(path.dirname(dbPath), { recursive: true });
    backend = openBackend(dbPath, { actor: 'app', requireLogin: true, keys });
    if (demo) createDemoOffice(backend.db);
    else void dailyBackup(backend).catch((e) => console.error('daily backup failed:', e));
  } catch (e) {
    dialog.showErrorBox('人力簿 Staffbook', `無法開啟資料庫 ${dbPath}\n${e instanceof Error ? e.message : String(e)}`);
    app.quit();
    return;
  }
  session.defaultSession.setPermissionRequestHandler(sec.permissionRequestHandler);
  session.defaultSession.setPermissionCheckHandler(sec.permissionCheckHandler);
  serveRenderer();
  ipcMain.handle('staffbook:call', sec.createIpcCallHandler(backend.dispatch));
  Menu.setApplicationMenu(buildMenu());
  mainWindow = createWindow();
}

// Two processes writing one roster file is how records get lost; the demo and --db runs use their own files.
if (!demo && explicitDb === undefined && !app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });
  app.on('web-contents-created', (_e, contents) => guardContents(contents));
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => {
    backend?.close();
    backend = null;
    if (demoDir) fs.rmSync(demoDir, { recursive: true, force: true });
  });
  void app.whenReady().then(start);
}
