// Keep it so (issue #15): every page, as each role, at 1366×768 and 1024×768, on the demo office and on an office with
// more people in post than approved. Each screen must show no error text and log no console error, have nothing wider
// than the window or cut off, no table row taller than two lines, no raw field names. Screenshots are saved under
// test-results/screens/ (SCREENS_DIR overrides) as artifacts to look at.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoOffice } from '../../electron/demo/demoOffice';
import { openBackend, type Backend } from '../../electron/backend';
import { startWebServer, type WebServer } from '../../electron/web';
import { ADMIN, e2eAvailable, findChromium, signInAs } from './harness';
import { inspectScreen, type ScreenFindings } from './screenChecks';

const OUT = process.env.SCREENS_DIR ?? path.resolve('test-results/screens');
const TODAY = '2025-12-01';
const SIZES = [
  { width: 1366, height: 768 },
  { width: 1024, height: 768 },
];
const ACCOUNTS = [
  { username: ADMIN.username, password: ADMIN.password, role: 'admin' },
  { username: 'clerk', displayName: '承辦乙', role: 'clerk', password: 'tidy-harbour-41' },
  { username: 'sup', displayName: '督導甲', role: 'supervisor', password: 'quiet-meadow-73' },
] as const;

interface Office {
  name: string;
  backend: Backend;
  server: WebServer;
  dir: string;
}

async function openOffice(name: string, overHired: boolean): Promise<Office> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'staffbook-screens-'));
  const backend = openBackend(path.join(dir, 'screens.db'), { actor: 'e2e', requireLogin: true, today: () => TODAY });
  createDemoOffice(backend.db);
  const setup = await backend.dispatch('auth.setup', ADMIN);
  if (!setup.ok) throw new Error(setup.error.message);
  const session = (setup.data as { session: string }).session;
  const call = async (method: string, input: unknown) => {
    const r = await backend.dispatch(method, input, { session });
    if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
    return r.data;
  };
  for (const a of ACCOUNTS.slice(1)) await call('accounts.create', a);
  if (overHired) {
    // the same office with this year's approved posts cut below the people in post (over-hiring happens)
    const year = Number(TODAY.slice(0, 4)) - 1911;
    const py = (await call('planYears.get', { rocYear: year })) as { params: unknown };
    await call('planYears.save', { rocYear: year, params: py.params, quota: { approvedTotal: 10, fundedCM: 7, fundedSCM: 1, fundedSUP: 1, fundedPM: 1 } });
  }
  const server = await startWebServer({ dispatch: backend.dispatch });
  return { name, backend, server, dir };
}

/**
 * Narrow windows fold the navigation behind 選單: show it (or fold it again) whatever state it was left in. A route
 * change still in flight folds it too (App.vue closes it on navigation), so the state is read again after a pause and
 * the toggle retried until it holds — one read and one click raced that on a loaded machine.
 */
async function showNav(page: Page, show: boolean): Promise<void> {
  const toggle = page.locator('[data-test="nav-toggle"]');
  const nav = page.locator('.shell__nav');
  for (let attempt = 0; attempt < 6; attempt++) {
    if (!(await toggle.isVisible())) return;
    if ((await nav.isVisible()) === show) {
      await page.waitForTimeout(150);
      if ((await nav.isVisible()) === show) return;
      continue;
    }
    await toggle.click();
    await nav.waitFor({ state: show ? 'visible' : 'hidden', timeout: 5_000 }).catch(() => undefined);
  }
  throw new Error(`the navigation would not ${show ? 'open' : 'fold'}`);
}

/** The pages a role is offered: every navigation item, plus a person's page. */
async function pagesOffered(page: Page): Promise<string[]> {
  await showNav(page, true);
  const items = await page.locator('[data-test^="nav-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-test')!));
  await showNav(page, false);
  return [...items.filter((i) => i !== 'nav-toggle'), 'person'];
}

async function open(page: Page, item: string): Promise<void> {
  if (item === 'person') {
    await page.evaluate(() => (location.hash = '#/people/1'));
  } else {
    // like showNav: a route change still settling can fold or move the navigation under the click (seen once in a
    // full e2e run on this 2-core machine: the item "not stable" for the whole click timeout), so the click is tried
    // again on a freshly opened navigation, and the last try does not wait for the item to hold still
    const nav = page.locator(`[data-test="${item}"]`);
    for (let attempt = 1; ; attempt++) {
      await showNav(page, true);
      try {
        await nav.scrollIntoViewIfNeeded({ timeout: 5_000 });
        await nav.click({ timeout: 5_000, force: attempt === 3 });
        break;
      } catch (e) {
        if (attempt === 3) throw e;
      }
    }
    await showNav(page, false);
  }
  // settle: pending API calls, lazy chunks, element-plus transitions
  await page.waitForLoadState('networkidle').catch(() => undefined);
  await page.waitForTimeout(350);
}

const describeE2e = describe.runIf(e2eAvailable());

describeE2e('every screen as each role, at office sizes (browser mode, Chromium)', () => {
  let browser: Browser;
  const offices: Office[] = [];
  beforeAll(async () => {
    fs.mkdirSync(OUT, { recursive: true });
    offices.push(await openOffice('demo', false), await openOffice('overhired', true));
    browser = await chromium.launch({
      executablePath: findChromium()!,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    for (const o of offices) {
      await o.server.close();
      o.backend.close();
      fs.rmSync(o.dir, { recursive: true, force: true });
    }
  });

  const only = process.env.SCREENS_ONLY; // e.g. "demo-clerk" while working on one screen
  for (const officeName of ['demo', 'overhired']) {
    for (const account of ACCOUNTS) {
      if (only && only !== `${officeName}-${account.role}`) continue;
      it(`${officeName} office as ${account.role}`, { timeout: 300_000 }, async () => {
        const office = offices.find((o) => o.name === officeName)!;
        const page = await browser.newPage({ viewport: SIZES[0], locale: 'zh-TW', timezoneId: 'Asia/Taipei' });
        // the window's clock agrees with the back end's: the defaults that follow the calendar are the ones a clerk sees
        await page.clock.setFixedTime(new Date(`${TODAY}T10:00:00+08:00`));
        const consoleErrors: string[] = [];
        page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
        page.on('pageerror', (e) => consoleErrors.push(e.message));
        await page.goto(office.server.url);
        await signInAs(page, account.username, account.password);
        const problems: string[] = [];
        for (const size of SIZES) {
          await page.setViewportSize(size);
          for (const item of await pagesOffered(page)) {
            const before = consoleErrors.length;
            await open(page, item);
            const where = `${officeName}-${account.role}-${size.width}-${item.replace(/^nav-/, '')}`;
            await page.screenshot({ path: path.join(OUT, `${where}.png`) });
            const f: ScreenFindings = await inspectScreen(page);
            for (const [kind, list] of Object.entries(f)) for (const x of list as string[]) problems.push(`${where} ${kind}: ${x}`);
            for (const e of consoleErrors.slice(before)) problems.push(`${where} console: ${e.slice(0, 200)}`);
          }
        }
        await page.close();
        if (process.env.SCREENS_REPORT_ONLY) console.log(problems.join('\n'));
        else expect(problems).toEqual([]);
      });
    }
  }
});
