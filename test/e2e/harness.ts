// End-to-end harness: the real back end + browser-mode bridge on loopback, driven by Debian's Chromium via
// playwright-core. Where no Chromium is found the suite is skipped LOUDLY, unless STAFFBOOK_REQUIRE_SYSTEM=1 (set by
// .ci/run), which turns "missing" into a failure so CI always runs it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { openBackend, type Backend } from '../../electron/backend';
import { createDemoOffice } from '../../electron/demo/demoOffice';
import { startWebServer, type WebServer } from '../../electron/web';
import { requireSystemProgram } from '../systemPrograms';

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export function findChromium(): string | null {
  return CANDIDATES.find((p): p is string => !!p && fs.existsSync(p)) ?? null;
}

/** True when the e2e suite can run; prints what was skipped and how to install it otherwise. Throws in CI. */
export function e2eAvailable(): boolean {
  return requireSystemProgram('Chromium', [findChromium() ?? undefined], '端對端測試', 'sudo apt-get install chromium fonts-noto-cjk（或設定 CHROMIUM_PATH）') != null;
}

export interface App {
  backend: Backend;
  /** the back end as the signed-in 管理者 of the page sees it */
  dispatch: (method: string, input: unknown) => ReturnType<Backend['dispatch']>;
  server: WebServer;
  browser: Browser;
  page: Page;
  dir: string;
  close: () => Promise<void>;
}

export const ADMIN = { username: 'admin', displayName: '測試管理者', password: 'correct-horse-battery' };

/**
 * A back end that requires sign-in, as the app's is; the page signs in as ADMIN through the real form unless
 * `signIn` is false. `prepareDb` runs on the database file before the back end opens it (e.g. to damage it).
 */
export async function launchApp(
  seed?: (b: Backend) => void,
  prepareDb?: (dbPath: string) => void | Promise<void>,
  { signIn = true, today }: { signIn?: boolean; today?: string } = {},
): Promise<App> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'staffbook-e2e-'));
  const dbPath = path.join(dir, 'e2e.db');
  await prepareDb?.(dbPath);
  const backend = openBackend(dbPath, { actor: 'e2e', requireLogin: true, today: today ? () => today : undefined });
  seed?.(backend);
  let session: string | undefined;
  if (signIn) {
    const r = await backend.dispatch('auth.setup', ADMIN);
    if (!r.ok) throw new Error(`auth.setup failed: ${r.error.message}`);
    session = (r.data as { session: string }).session;
  }
  const server = await startWebServer({ dispatch: backend.dispatch });
  const browser = await chromium.launch({
    executablePath: findChromium()!,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, locale: 'zh-TW', acceptDownloads: true });
  await page.goto(server.url);
  if (signIn) await signInAs(page, ADMIN.username, ADMIN.password);
  return {
    backend,
    dispatch: (method, input) => backend.dispatch(method, input, { session }),
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

/** Seeds the synthetic demo office (for launchApp's `seed`). */
export const demoOffice = (b: Backend) => createDemoOffice(b.db);

/**
 * One app for the describe block this is called in: launched before its tests, closed after them. beforeAll fills
 * the returned object in, so the tests read it as they would launchApp's answer.
 */
export function appForSuite(...args: Parameters<typeof launchApp>): App {
  const app = {} as App;
  beforeAll(async () => {
    Object.assign(app, await launchApp(...args));
  });
  afterAll(async () => {
    if ('close' in app) await app.close();
  });
  return app;
}

/** The <input> behind a data-test attribute, whether Element Plus put the attribute on the input or a wrapper. */
export function field(page: Page, testId: string) {
  return page.locator(`[data-test="${testId}"]`).locator('xpath=descendant-or-self::input').first();
}

export async function signInAs(page: Page, username: string, password: string): Promise<void> {
  await field(page, 'signin-username').fill(username);
  await field(page, 'signin-password').fill(password);
  await page.click('[data-test="signin-submit"]');
  await page.locator('[data-test="whoami"]').waitFor();
}

/** Types a ROC date into a RocDateInput found by its data-test attribute and commits it with Enter. */
export async function typeDate(page: Page, testId: string, text: string): Promise<void> {
  const input = page.locator(`[data-test="${testId}"] input`);
  await input.fill(text);
  await input.press('Enter');
}
