// electron/exports/pdfElectron.ts against a stand-in 'electron': the print view reaches the window over app:// from
// memory in a private session — never a data: URL (Chromium's 2 MB cap) — with exactly the locked-down preferences.
import { describe, expect, it, vi } from 'vitest';

type Handler = (request: { url: string }) => Response;
const h = vi.hoisted(() => ({
  windows: [] as { opts: Record<string, unknown>; loaded: string[]; destroyed: boolean }[],
  partitions: new Map<string, { handlers: Map<string, Handler>; permissionRequest?: unknown; permissionCheck?: () => boolean }>(),
  servedDuringPrint: [] as { status: number; csp: string | null; body: string }[],
}));

vi.mock('electron', () => {
  const fromPartition = (name: string) => {
    if (!h.partitions.has(name)) h.partitions.set(name, { handlers: new Map() });
    const p = h.partitions.get(name)!;
    return {
      protocol: { handle: (scheme: string, fn: Handler) => p.handlers.set(scheme, fn) },
      setPermissionRequestHandler: (fn: unknown) => (p.permissionRequest = fn),
      setPermissionCheckHandler: (fn: () => boolean) => (p.permissionCheck = fn),
    };
  };
  class BrowserWindow {
    loaded: string[] = [];
    destroyed = false;
    webContents = {
      printToPDF: async () => {
        // What Chromium would fetch for the loaded URL, from the partition the window was given.
        const partition = (this.opts.webPreferences as { partition: string }).partition;
        const res = h.partitions.get(partition)!.handlers.get('app')!({ url: this.loaded[0] });
        h.servedDuringPrint.push({ status: res.status, csp: res.headers.get('content-security-policy'), body: await res.text() });
        return Buffer.from('%PDF-1.7');
      },
    };
    constructor(readonly opts: Record<string, unknown>) {
      h.windows.push(this);
    }
    async loadURL(url: string) {
      this.loaded.push(url);
    }
    destroy() {
      this.destroyed = true;
    }
  }
  return { BrowserWindow, session: { fromPartition } };
});

describe('the app’s PDF window', () => {
  it('loads the print view over app:// from memory, not as a data: URL, and forgets it afterwards', async () => {
    const { electronPdf, PDF_PARTITION, PRINT_CSP } = await import('../../electron/exports/pdfElectron');
    const rows = '<tr><td>測試員甲</td><td>A100000001</td></tr>'.repeat(60_000); // ~2.6 MB: over Chromium's data: URL cap
    const html = `<!doctype html><html><body><table>${rows}</table></body></html>`;
    const pdf = await electronPdf(html);

    expect(pdf.toString()).toBe('%PDF-1.7');
    const win = h.windows[0];
    expect(win.loaded).toHaveLength(1);
    expect(win.loaded[0]).toMatch(/^app:\/\/staffbook\/print\/[0-9a-f-]{36}\.html$/);
    expect(win.loaded[0].length).toBeLessThan(100);
    expect(h.servedDuringPrint).toEqual([{ status: 200, csp: PRINT_CSP, body: html }]);
    expect(win.destroyed).toBe(true);

    const served = h.partitions.get(PDF_PARTITION)!;
    expect(served.handlers.get('app')!({ url: win.loaded[0] }).status).toBe(404);
    expect(served.permissionCheck!()).toBe(false);
    expect([...h.partitions.keys()]).toEqual([PDF_PARTITION]); // never the app's default session
    expect(PDF_PARTITION.startsWith('persist:')).toBe(false);
  });

  it('gives the window exactly the script-less, sandboxed preferences', async () => {
    const { pdfWindowPreferences } = await import('../../electron/exports/pdfElectron');
    expect(h.windows[0].opts).toEqual({ show: false, webPreferences: pdfWindowPreferences() });
    expect(pdfWindowPreferences()).toEqual({
      partition: 'staffbook-pdf',
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      nodeIntegrationInWorker: false,
      javascript: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    });
  });
});
