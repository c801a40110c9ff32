// Browser mode, cold: a fresh Chromium context (no cache, no storage) loads the app and waits for the first roster rows.
// The floor is a page on the same server that fetches the same `roster.at` and writes its first rows into a bare table:
// what is left of "showing the first rows" without the app's bundle, Vue and the table component.
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import zlib from 'node:zlib';
import { openBackend } from '../../electron/backend';
import { startWebServer } from '../../electron/web';
import { median } from './timing';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// Each load opens a fresh context, which in this Chromium is a new browser window; every window builds its address
// bar's WebUI popups (chrome://omnibox-popup.top-chrome and its AI-mode variant) in a renderer of their own, ~0.6 s of
// CPU that lands on whichever page is loading — on 2 cores that taxed the heavier page more (1.3× settled, up to 1.75×
// not). Neither page has anything to do with the address bar: the loads are timed without it.
export const BROWSER_UI_FEATURES = ['WebUIOmniboxPopup', 'WebUIOmniboxFullPopup', 'WebUIOmniboxAimPopup', 'PreloadTopChromeWebUI'].join(',');

const FLOOR_JS = `
const token = document.querySelector('meta[name="staffbook-token"]').content;
const now = new Date();
const date = now.getFullYear() + '-' + String(now.getMonth() + 1).padStart(2, '0') + '-' + String(now.getDate()).padStart(2, '0');
fetch('./api/call', { method: 'POST', headers: { 'content-type': 'application/json', 'x-staffbook-token': token },
  body: JSON.stringify({ method: 'roster.at', input: { date } }) })
  .then((r) => r.json())
  .then((res) => {
    const esc = (s) => String(s ?? '').replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]);
    document.getElementById('t').innerHTML = res.data.rows.slice(0, 40).map((r) =>
      '<tr class="row"><td>' + [r.name, r.roleName, r.funding, r.businessGroup, r.adminUnit, r.periodStart, r.serviceStart, r.nationalIdMasked, r.onLeave ? '留職停薪中' : '在職'].map(esc).join('</td><td>') + '</td></tr>').join('');
  });
`;

export interface BrowserResult {
  ours: number[];
  floor: number[];
  domRows: number;
  totalRows: number;
  /** after scrolling the roster to its last row: rows in the DOM, and whether the rows shown are others than at load */
  scrolled: { domRows: number; moved: boolean };
}

/** Scrolls the roster's scroll container to the bottom, as a user dragging to the end would, and counts the rows then. */
async function scrollToEnd(page: import('playwright-core').Page, rowSelector: string): Promise<{ domRows: number; moved: boolean }> {
  const firstBefore = await page.locator(rowSelector).first().textContent();
  await page.evaluate(() => {
    const table = document.querySelector('[data-test="roster-table"]')!;
    const scroller = Array.from(table.querySelectorAll<HTMLElement>('*')).find((el) => el.scrollHeight > el.clientHeight + 200);
    if (!scroller) throw new Error('no scrollable roster body');
    scroller.scrollTop = scroller.scrollHeight;
    scroller.dispatchEvent(new Event('scroll'));
  });
  // the virtual list re-renders on the next frames; wait until the first row shown is no longer the first at load
  await page.waitForFunction(
    ([sel, before]) => document.querySelector(sel)?.textContent !== before,
    [rowSelector, firstBefore] as const,
    { timeout: 10_000 },
  ).catch(() => undefined);
  const firstAfter = await page.locator(rowSelector).first().textContent();
  return { domRows: await page.locator(rowSelector).count(), moved: firstAfter !== firstBefore };
}

/**
 * `settleMs`: wait that long after opening the new page before timing its load (0: time at once, as the target row
 * does). A fresh context's renderer is still starting (and the last one closing) when the page opens; the settled
 * figure shows how much of the gap is that housekeeping rather than the page.
 */
export async function browserColdLoad(dbPath: string, staticDir: string, workDir: string, reps: number, warmup: number, settleMs = 0): Promise<BrowserResult> {
  const floorDir = path.join(workDir, 'floor-page');
  fs.mkdirSync(floorDir, { recursive: true });
  fs.writeFileSync(path.join(floorDir, 'index.html'), '<!doctype html><html lang="zh-TW"><head><meta charset="utf-8"><title>floor</title></head><body><table id="t"></table><script src="./floor.js"></script></body></html>');
  fs.writeFileSync(path.join(floorDir, 'floor.js'), FLOOR_JS);

  const backend = openBackend(dbPath, { actor: 'bench' });
  const app = await startWebServer({ dispatch: backend.dispatch, staticDir });
  const floor = await startWebServer({ dispatch: backend.dispatch, staticDir: floorDir });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', `--disable-features=${BROWSER_UI_FEATURES}`],
  });
  const load = async (url: string, selector: string) => {
    const ctx = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'zh-TW' });
    const page = await ctx.newPage();
    if (settleMs) await new Promise((r) => setTimeout(r, settleMs));
    const t0 = performance.now();
    await page.goto(url, { waitUntil: 'commit' });
    await page.locator(selector).first().waitFor({ state: 'visible', timeout: 60_000 });
    const ms = performance.now() - t0;
    return { ms, page, ctx };
  };
  const APP_ROW = '[data-test="roster-table"] .vtable__row';
  try {
    const ours: number[] = [];
    const floorMs: number[] = [];
    let domRows = 0;
    let totalRows = 0;
    let scrolled = { domRows: 0, moved: false };
    const loadOurs = async (i: number) => {
      const a = await load(`${app.url}#/roster`, APP_ROW);
      if (i === 0) {
        domRows = await a.page.locator(APP_ROW).count();
        totalRows = Number((await a.page.locator('[data-test="total"]').textContent()) ?? 0);
        scrolled = await scrollToEnd(a.page, APP_ROW);
      }
      await a.ctx.close();
      return a.ms;
    };
    const loadFloor = async () => {
      const f = await load(floor.url, 'tr.row');
      await f.ctx.close();
      return f.ms;
    };
    // ours and the floor alternately first (as timePair does for the other rows): whatever the browser still does
    // after closing one page's context lands on both sides
    for (let i = 0; i < warmup + reps; i++) {
      let a: number, f: number;
      if (i % 2) (f = await loadFloor()), (a = await loadOurs(i));
      else (a = await loadOurs(i)), (f = await loadFloor());
      if (i >= warmup) {
        ours.push(a);
        floorMs.push(f);
      }
    }
    return { ours, floor: floorMs, domRows, totalRows, scrolled };
  } finally {
    await browser.close();
    await app.close();
    await floor.close();
    backend.close();
  }
}

/** The entry chunks of a built renderer (the boot module and the app) and every chunk they import statically, gzipped
 * (what a cold start must load). */
export function initialJs(distDir: string): { files: string[]; rawKB: number; gzipKB: number } {
  const html = fs.readFileSync(path.join(distDir, 'index.html'), 'utf8');
  const entries = [...html.matchAll(/<script[^>]*type="module"[^>]*src="\.?\/?([^"]+)"/g)].map((m) => m[1]);
  if (!entries.length) throw new Error('no module entry in index.html');
  const seen = new Set<string>();
  const visit = (rel: string) => {
    if (seen.has(rel)) return;
    seen.add(rel);
    const code = fs.readFileSync(path.join(distDir, rel), 'utf8');
    // static imports and re-exports only: `import{a}from"./x.js"`, `import"./x.js"`, `export*from"./x.js"`
    for (const m of code.matchAll(/(?:^|[;\s}])(?:import|export)\s*(?:[\w$*{}\s,]*?from\s*)?["'](\.\.?\/[^"']+\.js)["']/g)) {
      visit(path.posix.normalize(path.posix.join(path.posix.dirname(rel), m[1])));
    }
  };
  for (const entry of entries) visit(entry);
  let raw = 0;
  let gz = 0;
  for (const f of seen) {
    const bytes = fs.readFileSync(path.join(distDir, f));
    raw += bytes.length;
    gz += zlib.gzipSync(bytes).length;
  }
  return { files: [...seen], rawKB: raw / 1024, gzipKB: gz / 1024 };
}

export { median };
