// The clerk's first day, end to end in Chromium: a bad file is refused with row-numbered errors and writes nothing,
// the good file imports, a promotion is recorded, and the roster reads correctly as of two dates.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { appForSuite, e2eAvailable, typeDate, type App } from './harness';

// a copy of ../shared/samples/roster-sample.csv, so the suite runs on a checkout without the shared folder
const sampleCsv = fs.readFileSync(path.resolve(__dirname, '../fixtures/roster-sample.csv'), 'utf8');

const count = (app: App, table: string) => (app.backend.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe.runIf(e2eAvailable())('roster end to end (browser mode, Chromium)', () => {
  const app = appForSuite();

  it('refuses a file with a bad row, naming the row, and writes nothing', async () => {
    const { page, dir } = app;
    await page.click('[data-test="nav-import"]');
    const bad = sampleCsv.replace('2023-05-01', '113/02/30');
    fs.writeFileSync(path.join(dir, 'bad.csv'), bad);
    await page.setInputFiles('[data-test="file-input"]', path.join(dir, 'bad.csv'));
    const errors = page.locator('[data-test="import-errors"]');
    await errors.waitFor();
    await expect(errors.textContent()).resolves.toMatch(/第 3 列「到職日」：「113\/02\/30」不是有效日期/);
    expect(await page.locator('[data-test="commit-import"]').count()).toBe(0);
    expect(count(app, 'people')).toBe(0);
  });

  it('imports the good file after a preview', async () => {
    const { page, dir } = app;
    fs.writeFileSync(path.join(dir, 'good.csv'), sampleCsv);
    await page.setInputFiles('[data-test="file-input"]', path.join(dir, 'good.csv'));
    await page.locator('[data-test="commit-import"]').click();
    await page.locator('[data-test="import-done"]').waitFor();
    expect(count(app, 'people')).toBe(7);
    expect(count(app, 'periods')).toBe(8);
  });

  it('records a promotion, and the roster shows the role held on each date', async () => {
    const { page } = app;
    await page.click('[data-test="nav-roster"]');
    await typeDate(page, 'roster-date', '113/06/30');
    await page.locator('[data-test="roster-table"] .vtable__row', { hasText: '範例二' }).click();
    await page.locator('[data-test="person-title"]', { hasText: '範例二' }).waitFor();

    await page.click('[data-test="promote"]');
    await typeDate(page, 'promote-date', '113/09/01');
    await page.click('[data-test="promote-role"]');
    await page.locator('.el-select-dropdown__item:visible', { hasText: /^督導$/ }).click();
    await page.click('[data-test="promote-save"]');
    const periods = page.locator('[data-test="periods-table"]');
    await expect.poll(() => periods.textContent()).toContain('113/08/31');
    const text = (await periods.textContent()) ?? '';
    expect(text).toContain('督導');
    expect(text).toContain('職務異動');

    await page.click('[data-test="nav-roster"]');
    const row = page.locator('[data-test="roster-table"] .vtable__row', { hasText: '範例二' });
    await typeDate(page, 'roster-date', '113/12/31');
    await expect.poll(() => row.textContent()).toContain('督導');
    await typeDate(page, 'roster-date', '113/06/30');
    await expect.poll(() => row.textContent()).toContain('個管');
    // continuous service: the promotion does not restart it
    expect(await row.textContent()).toContain('112/05/01');
  });

  it('shows who was in post on each date', async () => {
    const { page } = app;
    await typeDate(page, 'roster-date', '113/12/31');
    await expect.poll(() => page.locator('[data-test="total"]').textContent()).toBe('6');
    expect(await page.locator('[data-test="roster-table"]').textContent()).not.toContain('範例四');
    await typeDate(page, 'roster-date', '113/06/30');
    await expect.poll(() => page.locator('[data-test="total"]').textContent()).toBe('7');
    expect(await page.locator('[data-test="roster-table"]').textContent()).toContain('範例四');
  });

  it('filters by role, group and status, and back to everyone', async () => {
    const { page } = app;
    const shown = page.locator('[data-test="shown"]');
    await expect.poll(() => shown.textContent()).toBe('7');

    await page.selectOption('[data-test="roster-role-filter"]', { label: '督導' });
    await expect.poll(() => shown.textContent()).toBe('1');
    expect(await page.locator('[data-test="roster-table"]').textContent()).toContain('範例三');
    await page.selectOption('[data-test="roster-role-filter"]', { label: '職稱（全部）' });
    await expect.poll(() => shown.textContent()).toBe('7');

    // the group list is the groups of the people shown on the date
    const groups = await page.locator('[data-test="roster-group-filter"] option').allTextContents();
    expect(groups[0]).toBe('業務組（全部）');
    expect(groups.length).toBeGreaterThan(1);

    await page.selectOption('[data-test="roster-status-filter"]', { label: '留職停薪中' });
    await expect.poll(() => shown.textContent()).toBe('1');
    expect(await page.locator('[data-test="roster-table"]').textContent()).toContain('範例五');
    // back to 狀態（全部）
    await page.selectOption('[data-test="roster-status-filter"]', '');
    await expect.poll(() => shown.textContent()).toBe('7');
  });

  it('sorts by a column header, filters by a role count, and moves between rows and opens one from the keyboard', async () => {
    const { page } = app;
    const shown = page.locator('[data-test="shown"]');
    await expect.poll(() => shown.textContent()).toBe('7');
    const rows = page.locator('[data-test="roster-table"] .vtable__row');
    const names = async () => (await rows.allTextContents()).map((t) => t.slice(0, 3));
    const header = page.locator('[data-test="roster-table"] [role="columnheader"]', { hasText: '姓名' });

    await header.locator('button').click();
    await expect.poll(() => header.getAttribute('aria-sort')).toBe('ascending');
    const ascending = await names();
    expect(ascending).toHaveLength(7);
    expect(ascending).toEqual([...ascending].sort(new Intl.Collator('zh-Hant-TW').compare));
    await header.locator('button').click();
    await expect.poll(() => header.getAttribute('aria-sort')).toBe('descending');
    await expect.poll(names).toEqual([...ascending].reverse());
    await header.locator('button').click();
    await expect.poll(() => header.getAttribute('aria-sort')).toBe('none');

    // a role's count is a button that filters by it, and again shows everyone
    const supervisors = page.locator('.count-tag', { hasText: '督導' });
    await supervisors.click();
    await expect.poll(() => shown.textContent()).toBe('1');
    expect(await supervisors.getAttribute('aria-pressed')).toBe('true');
    await supervisors.click();
    await expect.poll(() => shown.textContent()).toBe('7');

    // the list is one Tab stop, not one per row; ↓ moves to the next row, Enter opens it
    expect(await page.locator('[data-test="roster-table"] .vtable__row[tabindex="0"]').count()).toBe(1);
    await rows.first().focus();
    await page.keyboard.press('ArrowDown');
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('aria-rowindex'));
    await expect.poll(focused).toBe('3');
    const second = (await rows.nth(1).textContent())!.slice(0, 3);
    await page.keyboard.press('Enter');
    await page.locator('[data-test="person-title"]', { hasText: second }).waitFor();
  });
});
