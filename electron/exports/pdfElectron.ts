// The Electron app's PDF: an invisible, script-less window shows the print view and prints it with the page size and
// margins its CSS @page asks for. Loaded only inside Electron (pdf.ts checks process.versions.electron).
// The HTML is served from memory over app:// in a private in-memory session, not as a data: URL: Chromium caps URLs at
// 2 MB and the register costs about 1.1 KB per row in a data: URL, and nothing is written to disk (it holds 身分證字號).
import crypto from 'node:crypto';
import { BrowserWindow, session, type WebPreferences } from 'electron';
import { APP_ORIGIN, APP_SCHEME } from '../shell/security';

/** No "persist:" prefix: the session lives in memory and shares nothing (cookies, cache, handlers) with the app's. */
export const PDF_PARTITION = 'staffbook-pdf';
/** The print view is self-contained: inline styles, no scripts, no fetches. */
export const PRINT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:";

export function pdfWindowPreferences(): WebPreferences {
  return {
    partition: PDF_PARTITION,
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
  };
}

const pages = new Map<string, string>();
let serving = false;

/** The partition's app:// answers only the print pages currently being rendered; its permissions are all denied. */
function servePrintPages(): void {
  if (serving) return;
  const ses = session.fromPartition(PDF_PARTITION);
  ses.protocol.handle(APP_SCHEME, (request) => {
    const html = pages.get(request.url);
    if (html === undefined) return new Response('not found', { status: 404 });
    return new Response(html, {
      headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': PRINT_CSP, 'cache-control': 'no-store' },
    });
  });
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  serving = true;
}

export async function electronPdf(html: string): Promise<Buffer> {
  servePrintPages();
  const url = `${APP_ORIGIN}/print/${crypto.randomUUID()}.html`;
  pages.set(url, html);
  const win = new BrowserWindow({ show: false, webPreferences: pdfWindowPreferences() });
  try {
    await win.loadURL(url);
    return await win.webContents.printToPDF({ preferCSSPageSize: true, printBackground: true });
  } finally {
    pages.delete(url);
    win.destroy();
  }
}
