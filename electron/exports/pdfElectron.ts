// The Electron app's PDF: an invisible, script-less window shows the print view and prints it with the page size and
// margins its CSS @page asks for. Loaded only inside Electron (pdf.ts checks process.versions.electron).
import { BrowserWindow } from 'electron';

export async function electronPdf(html: string): Promise<Buffer> {
  const win = new BrowserWindow({
    show: false,
    webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false, webSecurity: true },
  });
  try {
    await win.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`);
    return await win.webContents.printToPDF({ preferCSSPageSize: true, printBackground: true });
  } finally {
    win.destroy();
  }
}
