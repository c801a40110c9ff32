// A stand-in for the `electron` module, used only by `npm run dist:check` to start the *packed* main.mjs without an
// Electron binary. It records what the app asks of Electron, in order, on globalThis.__electronStub; probe.mjs reads
// the record and drives the registered handlers (app:// protocol, IPC) the way Chromium would.
const rec = (globalThis.__electronStub ??= {
  events: [],
  ready: false,
  schemes: [],
  protocols: new Map(),
  ipc: new Map(),
  appListeners: new Map(),
  windows: [],
  errors: [],
  permission: { request: null, check: null },
  paths: new Map(),
});
const log = (name, extra) => rec.events.push({ name, ready: rec.ready, ...extra });
const noop = () => undefined;

/** Unknown members are recorded no-ops, so a refactor that calls one more Electron API does not break the probe. */
function lenient(name, known) {
  return new Proxy(known, {
    get(target, key) {
      if (key in target || typeof key === 'symbol') return target[key];
      return (...args) => log(`${name}.${String(key)}`, { args: args.filter((a) => typeof a !== 'function') });
    },
  });
}

function makeSession(partition) {
  const handlers = new Map();
  return lenient('session', {
    partition,
    protocolHandlers: handlers,
    setPermissionRequestHandler: (fn) => {
      log('setPermissionRequestHandler', { partition });
      if (!partition) rec.permission.request = fn;
    },
    setPermissionCheckHandler: (fn) => {
      log('setPermissionCheckHandler', { partition });
      if (!partition) rec.permission.check = fn;
    },
    protocol: lenient('session.protocol', {
      handle: (scheme, fn) => {
        log('session.protocol.handle', { scheme, partition });
        handlers.set(scheme, fn);
        if (!partition) rec.protocols.set(scheme, fn);
      },
      unhandle: (scheme) => handlers.delete(scheme),
      isProtocolHandled: (scheme) => handlers.has(scheme),
    }),
    webRequest: lenient('session.webRequest', {}),
  });
}
const defaultSession = makeSession(null);
const partitions = new Map();

export const app = lenient('app', {
  isPackaged: true,
  name: 'Staffbook',
  getName: () => 'Staffbook',
  getVersion: () => '0.0.0-stub',
  getPath: (name) => rec.paths.get(name) ?? rec.paths.get('default'),
  setPath: (name, value) => rec.paths.set(name, value),
  requestSingleInstanceLock: () => (log('requestSingleInstanceLock'), true),
  on: (event, fn) => {
    log('app.on', { event });
    rec.appListeners.set(event, [...(rec.appListeners.get(event) ?? []), fn]);
    return app;
  },
  once: (event, fn) => app.on(event, fn),
  isReady: () => rec.ready,
  whenReady: () =>
    new Promise((resolve) =>
      setTimeout(() => {
        rec.ready = true;
        log('ready');
        resolve();
      }, 10),
    ),
  quit: () => log('app.quit'),
  exit: () => log('app.exit'),
  commandLine: { appendSwitch: noop },
});

export const protocol = lenient('protocol', {
  registerSchemesAsPrivileged: (schemes) => {
    log('protocol.registerSchemesAsPrivileged');
    rec.schemes.push(...schemes);
  },
  handle: (scheme, fn) => {
    log('protocol.handle', { scheme });
    rec.protocols.set(scheme, fn);
  },
  isProtocolHandled: (scheme) => rec.protocols.has(scheme),
});

export const session = lenient('session', {
  defaultSession,
  fromPartition: (p) => {
    if (!partitions.has(p)) partitions.set(p, makeSession(p));
    return partitions.get(p);
  },
});

function makeWebContents() {
  const listeners = new Map();
  return lenient('webContents', {
    listeners,
    windowOpenHandler: null,
    session: defaultSession,
    on(event, fn) {
      listeners.set(event, fn);
      return this;
    },
    once(event, fn) {
      listeners.set(event, fn);
      return this;
    },
    setWindowOpenHandler(fn) {
      this.windowOpenHandler = fn;
    },
    printToPDF: async () => Buffer.from('%PDF-1.4 stub'),
  });
}

export class BrowserWindow {
  constructor(options = {}) {
    this.options = options;
    this.webContents = makeWebContents();
    this.loaded = [];
    log('BrowserWindow', { show: options.show });
    rec.windows.push(this);
    for (const fn of rec.appListeners.get('web-contents-created') ?? []) fn({}, this.webContents);
  }
  on() {
    return this;
  }
  once() {
    return this;
  }
  loadURL(url) {
    log('loadURL', { url });
    this.loaded.push(url);
    return Promise.resolve();
  }
  loadFile(file) {
    return this.loadURL(`file://${file}`);
  }
  show() {}
  focus() {}
  restore() {}
  isMinimized() {
    return false;
  }
  isDestroyed() {
    return false;
  }
  destroy() {}
  close() {}
}

export const ipcMain = lenient('ipcMain', {
  handle: (channel, fn) => {
    log('ipcMain.handle', { channel });
    rec.ipc.set(channel, fn);
  },
  on: noop,
});

export const dialog = lenient('dialog', {
  showErrorBox: (title, message) => {
    log('dialog.showErrorBox', { message });
    rec.errors.push(`${title}: ${message}`);
  },
  showMessageBox: async () => ({ response: 0 }),
});

export const Menu = lenient('Menu', { buildFromTemplate: (t) => t, setApplicationMenu: () => log('Menu.setApplicationMenu') });
export const shell = lenient('shell', { openExternal: async () => undefined });
// No OS key store here (as on Linux without a keyring): the app then asks for a passphrase only if the file is encrypted.
export const safeStorage = lenient('safeStorage', { isEncryptionAvailable: () => false, getSelectedStorageBackend: () => 'basic_text' });
// Every other module Electron exports, as recorded no-ops, so a new named import does not break the probe at link time.
export const autoUpdater = lenient('autoUpdater', {});
export const BrowserView = lenient('BrowserView', {});
export const clipboard = lenient('clipboard', {});
export const contentTracing = lenient('contentTracing', {});
export const crashReporter = lenient('crashReporter', {});
export const desktopCapturer = lenient('desktopCapturer', {});
export const globalShortcut = lenient('globalShortcut', {});
export const inAppPurchase = lenient('inAppPurchase', {});
export const MenuItem = lenient('MenuItem', {});
export const MessageChannelMain = lenient('MessageChannelMain', {});
export const nativeImage = lenient('nativeImage', {});
export const nativeTheme = lenient('nativeTheme', {});
export const net = lenient('net', {});
export const netLog = lenient('netLog', {});
export const Notification = lenient('Notification', {});
export const powerMonitor = lenient('powerMonitor', {});
export const powerSaveBlocker = lenient('powerSaveBlocker', {});
export const pushNotifications = lenient('pushNotifications', {});
export const screen = lenient('screen', {});
export const systemPreferences = lenient('systemPreferences', {});
export const TouchBar = lenient('TouchBar', {});
export const Tray = lenient('Tray', {});
export const utilityProcess = lenient('utilityProcess', {});
export const webContents = lenient('webContents', {});
export const webFrameMain = lenient('webFrameMain', {});
export const contextBridge = lenient('contextBridge', {});
export const ipcRenderer = lenient('ipcRenderer', {});
export const webFrame = lenient('webFrame', {});
export default { app, protocol, session, BrowserWindow, ipcMain, dialog, Menu, shell, safeStorage, autoUpdater, BrowserView, clipboard, contentTracing, crashReporter, desktopCapturer, globalShortcut, inAppPurchase, MenuItem, MessageChannelMain, nativeImage, nativeTheme, net, netLog, Notification, powerMonitor, powerSaveBlocker, pushNotifications, screen, systemPreferences, TouchBar, Tray, utilityProcess, webContents, webFrameMain, contextBridge, ipcRenderer, webFrame };
