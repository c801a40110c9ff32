// End-to-end harness: the real back end + browser-mode bridge on loopback, driven by Debian's Chromium via
// playwright-core. Where no Chromium is found the suite is skipped LOUDLY, unless STAFFBOOK_REQUIRE_SYSTEM=1 (set by
// .ci/run), which turns "missing" into a failure so CI always runs it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { openBackend, type Backend } from '../../electron/backend';
import { startWebServer, type WebServer } from '../../electron/web';

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export function findChromium(): string | null {
  return CANDIDATES.find((p): p is string => !!p && fs.existsSync(p)) ?? null;
}

/** True when the e2e suite can run; prints what was skipped and how to install it otherwise. Throws in CI. */
export function e2eAvailable(): boolean {
  if (findChromium()) return true;
  const line = '!!! 端對端測試已略過：找不到 Chromium。安裝方式：sudo apt-get install chromium fonts-noto-cjk（或設定 CHROMIUM_PATH）';
  if (process.env.STAFFBOOK_REQUIRE_SYSTEM === '1') throw new Error(`${line} — STAFFBOOK_REQUIRE_SYSTEM=1 requires it`);
  console.warn(`\n${line}\n!!! END-TO-END SUITE SKIPPED: no Chromium found (apt-get install chromium fonts-noto-cjk)\n`);
  return false;
}

export interface App {
  backend: Backend;
  server: WebServer;
  browser: Browser;
  page: Page;
  dir: string;
  close: () => Promise<void>;
}

/** `prepareDb` runs on the database file before the back end opens it (e.g. to damage it). */
export async function launchApp(seed?: (b: Backend) => void, prepareDb?: (dbPath: string) => void | Promise<void>): Promise<App> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'staffbook-e2e-'));
  const dbPath = path.join(dir, 'e2e.db');
  await prepareDb?.(dbPath);
  const backend = openBackend(dbPath, { actor: 'e2e' });
  seed?.(backend);
  const server = await startWebServer({ dispatch: backend.dispatch });
  const browser = await chromium.launch({
    executablePath: findChromium()!,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, locale: 'zh-TW', acceptDownloads: true });
  await page.goto(server.url);
  return {
    backend,
    server,
    browser,
    page,
    dir,
    close: async () => {
      await browser.close();
      await server.close();
      backend.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Types a ROC date into a RocDateInput found by its data-test attribute and commits it with Enter. */
export async function typeDate(page: Page, testId: string, text: string): Promise<void> {
  const input = page.locator(`[data-test="${testId}"] input`);
  await input.fill(text);
  await input.press('Enter');
}
