// HTML print view → PDF. In the Electron app: the app's own Chromium (webContents.printToPDF). Elsewhere (CLI,
// browser mode, tests): Debian's Chromium driven by playwright-core's page.pdf(). Both render the same HTML.
import fs from 'node:fs';
import { AppError } from '../../shared/api/errors';

export type PdfRenderer = (html: string) => Promise<Buffer>;
let custom: PdfRenderer | null = null;

/** Lets a shell supply its own renderer (e.g. a long-lived browser); null restores the default. */
export function setPdfRenderer(r: PdfRenderer | null): void {
  custom = r;
}

const CANDIDATES = [
  process.env.CHROMIUM_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
];

export function findChromium(): string | null {
  return CANDIDATES.find((p): p is string => !!p && fs.existsSync(p)) ?? null;
}

export const CHROMIUM_HINT = 'sudo apt-get install chromium fonts-noto-cjk（或設定 CHROMIUM_PATH）';

async function chromiumPdf(html: string): Promise<Buffer> {
  const exe = findChromium();
  if (!exe) throw new AppError('UNAVAILABLE', `找不到 Chromium，無法產生 PDF。安裝方式：${CHROMIUM_HINT}；或改匯出 .xlsx／.ods 後列印`);
  // A computed specifier keeps the Electron bundler from pulling playwright-core (a dev tool) into the app.
  const spec = 'playwright-core';
  const { chromium } = (await import(spec)) as typeof import('playwright-core');
  const browser = await chromium.launch({
    executablePath: exe,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const page = await browser.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    return await page.pdf({ preferCSSPageSize: true, printBackground: true });
  } finally {
    await browser.close();
  }
}

export async function renderPdf(html: string): Promise<Buffer> {
  if (custom) return custom(html);
  if (process.versions.electron) return (await import('./pdfElectron')).electronPdf(html);
  return chromiumPdf(html);
}
