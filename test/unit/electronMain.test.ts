// electron/main.ts against a stand-in 'electron' module (no binary on CI): checks the wiring, not Electron itself.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { expectedWindowPreferences } from './expectedWebPreferences';

type Listener = (...a: unknown[]) => unknown;
const h = vi.hoisted(() => ({
  userData: '',
  windows: [] as { opts: Record<string, unknown> }[],
  ipc: new Map<string, Listener>(),
  schemes: [] as unknown[],
  protocols: new Map<string, Listener>(),
  appEvents: new Map<string, Listener>(),
  permissionHandler: null as Listener | null,
  permissionCheck: null as Listener | null,
}));

vi.mock('electron', () => {
  class BrowserWindow {
    constructor(readonly opts: Record<string, unknown>) {
      h.windows.push(this);
    }
    once() {}
    loadURL() {
      return Promise.resolve();
    }
  }
  return {
    app: {
      isPackaged: false,
      getPath: () => h.userData,
      requestSingleInstanceLock: () => true,
      on: (event: string, fn: Listener) => h.appEvents.set(event, fn),
      whenReady: () => Promise.resolve(),
      quit: vi.fn(),
    },
    BrowserWindow,
    dialog: { showErrorBox: vi.fn() },
    ipcMain: { handle: (channel: string, fn: Listener) => h.ipc.set(channel, fn) },
    Menu: { buildFromTemplate: (t: unknown) => t, setApplicationMenu: vi.fn() },
    protocol: {
      registerSchemesAsPrivileged: (s: unknown[]) => h.schemes.push(...s),
      handle: (scheme: string, fn: Listener) => h.protocols.set(scheme, fn),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (fn: Listener) => (h.permissionHandler = fn),
        setPermissionCheckHandler: (fn: Listener) => (h.permissionCheck = fn),
      },
    },
    shell: { openExternal: vi.fn() },
    // no OS key store on this machine: an encrypted database would need STAFFBOOK_PASSPHRASE, as in browser mode
    safeStorage: { isEncryptionAvailable: () => false, encryptString: vi.fn(), decryptString: vi.fn() },
  };
});

describe('electron/main.ts wiring', () => {
  let home = '';
  afterAll(() => {
    h.appEvents.get('will-quit')?.();
    fs.rmSync(h.userData, { recursive: true, force: true });
    fs.rmSync(home, { recursive: true, force: true });
    vi.unstubAllEnvs();
  });

  it('opens the db in STAFFBOOK_HOME, registers app://, IPC and one secure window', async () => {
    // STAFFBOOK_HOME wins over Electron's userData (the CLI and browser mode honour it too); userData stays empty.
    h.userData = fs.mkdtempSync(path.join(os.tmpdir(), 'staffbook-userdata-'));
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'staffbook-main-'));
    vi.stubEnv('STAFFBOOK_DB', undefined);
    vi.stubEnv('STAFFBOOK_HOME', home);
    await import('../../electron/main');
    await vi.waitFor(() => expect(h.windows).toHaveLength(1));

    expect(fs.existsSync(path.join(home, 'staffbook.db'))).toBe(true);
    expect(fs.readdirSync(h.userData)).toEqual([]);
    expect(h.schemes).toEqual([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true, codeCache: true }) }]);
    // Exactly these preferences: a weakening added in main.ts or security.ts (experimentalFeatures, enableBlinkFeatures,
    // a flipped flag) fails here.
    expect(h.windows[0].opts.webPreferences).toEqual(expectedWindowPreferences(expect.stringMatching(/preload\.cjs$/)));

    const callback = vi.fn();
    h.permissionHandler?.({}, 'media', callback, { requestingUrl: 'app://staffbook/index.html' });
    expect(callback).toHaveBeenCalledWith(false);
    expect(h.permissionCheck?.({}, 'media', 'app://staffbook')).toBe(false);
    expect(h.permissionCheck?.({}, 'clipboard-sanitized-write', 'app://staffbook')).toBe(true);
    expect(h.permissionCheck?.({}, 'clipboard-sanitized-write', 'https://evil.example')).toBe(false);
  });

  it('IPC reaches the dispatcher only from the app:// page, and data needs a signed-in session', async () => {
    const call = h.ipc.get('staffbook:call')!;
    expect(await call({ senderFrame: { url: 'app://staffbook/index.html' } }, 'auth.status', {})).toMatchObject({ ok: true, data: { needsSetup: true, authRequired: true } });
    expect(await call({ senderFrame: { url: 'app://staffbook/index.html' } }, 'roles.list', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await call({ senderFrame: { url: 'http://evil.example/' } }, 'roles.list', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('serves renderer files with a CSP header and 404s anything else', async () => {
    const serve = h.protocols.get('app')!;
    const ok = (await serve({ url: 'app://staffbook/index.html' })) as Response;
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(ok.headers.get('content-security-policy')).toContain("default-src 'self'");
    const missing = (await serve({ url: 'app://staffbook/..%2f..%2fpackage.json' })) as Response;
    expect(missing.status).toBe(404);
  });

  it('guards every webContents: foreign navigation cancelled, window.open denied', () => {
    const on = new Map<string, Listener>();
    let openHandler: Listener = () => undefined;
    h.appEvents.get('web-contents-created')?.({}, { on: (e: string, fn: Listener) => on.set(e, fn), setWindowOpenHandler: (fn: Listener) => (openHandler = fn) });
    const foreign = { url: 'https://evil.example/', preventDefault: vi.fn() };
    const local = { url: 'app://staffbook/index.html#/people', preventDefault: vi.fn() };
    on.get('will-navigate')!(foreign);
    on.get('will-navigate')!(local);
    expect(foreign.preventDefault).toHaveBeenCalled();
    expect(local.preventDefault).not.toHaveBeenCalled();
    expect(openHandler({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
  });
});
