// The figures pages in Chromium on the demo office: what Retention, Supervision and Headcount show must be exactly
// what the back end computes (the same numbers the CLI prints).
import { describe, expect, it } from 'vitest';
import type { Output } from '../../shared/api/contract';
import { appForSuite, demoOffice, e2eAvailable, typeDate, type App } from './harness';

// the CLI's rounding (electron/cli/common.ts pct)
const pct = (r: number | null) => (r == null ? '—' : `${(Math.round(r * 1000) / 10).toFixed(1)}%`);

async function backend<M extends 'retention.at' | 'supervision.at' | 'headcount.year'>(app: App, method: M, input: unknown): Promise<Output<M>> {
  const r = await app.dispatch(method, input);
  if (!r.ok) throw new Error(r.error.message);
  return r.data as Output<M>;
}

describe.runIf(e2eAvailable())('figures pages end to end (browser mode, Chromium, demo office)', () => {
  const app = appForSuite(demoOffice);

  const text = (sel: string) => app.page.locator(sel).first().textContent().then((t) => (t ?? '').trim());

  it('Retention at 113/12/31 shows the back end’s denominator, counts and rates', async () => {
    const { page } = app;
    const r = await backend(app, 'retention.at', { date: '2024-12-31' });
    await page.click('[data-test="nav-retention"]');
    await page.locator('[data-test="retention-card-short"]').waitFor();
    await typeDate(page, 'retention-date', '113/12/31');
    await expect.poll(() => page.locator('.page .muted').first().textContent()).toContain('113/12/31');

    expect(await text('[data-test="retention-denominator-total"]')).toBe(String(r.denominator));
    expect(await text('[data-test="retention-card-short"] [data-test="retention-denominator"]')).toBe(String(r.denominator));
    expect(await text('[data-test="retention-count-short"]')).toBe(String(r.countShort));
    expect(await text('[data-test="retention-count-long"]')).toBe(String(r.countLong));
    expect(await text('[data-test="retention-rate-short"]')).toBe(pct(r.rateShort));
    expect(await text('[data-test="retention-rate-long"]')).toBe(pct(r.rateLong));
    expect(await text('[data-test="retention-met-short"]')).toBe(r.metShort ? '達標' : '未達標');
    expect(await text('[data-test="retention-met-long"]')).toBe(r.metLong ? '達標' : '未達標');
    expect(await text('[data-test="interpretation"]')).toContain(r.interpretation[0]);

    // clicking the 12-month count lists exactly the people in the numerator
    await page.click('[data-test="retention-count-short"]');
    const rows = page.locator('[data-test="retention-table"] .el-table__body-wrapper .el-table__row');
    await expect.poll(() => rows.count()).toBe(r.countShort);
    const shown = await rows.locator('td:first-child').allTextContents();
    expect(shown.map((s) => s.trim()).sort()).toEqual(r.rows.filter((x) => x.inShort).map((x) => x.name).sort());
  });

  it('Supervision at 113/12/31 shows the back end’s counts and compliance', async () => {
    const { page } = app;
    const s = await backend(app, 'supervision.at', { date: '2024-12-31' });
    await page.click('[data-test="nav-supervision"]');
    await page.locator('[data-test="sup-compliance"]').waitFor();
    await typeDate(page, 'supervision-date', '113/12/31');
    await expect.poll(() => page.locator('.page .muted').first().textContent()).toContain('113/12/31');

    expect(await text('[data-test="sup-cm-count"] [data-test="value"]')).toBe(String(s.caseManagers.length));
    expect(await text('[data-test="sup-sup-count"] [data-test="value"]')).toBe(String(s.supervisors.length));
    expect(await text('[data-test="sup-leave-count"] [data-test="value"]')).toBe(String(s.excludedOnLeave.length));
    expect(await text('[data-test="sup-compliance"]')).toContain(`${s.compliance.compliant ? '符合' : '不符合'}：${s.compliance.reason}`);
    for (const t of s.teams) expect(await text('[data-test="sup-teams"]')).toContain(t.supervisorName);

    // the 個管 number opens the list behind it
    await page.click('[data-test="sup-cm-count"]');
    const dialog = page.locator('[data-test="people-dialog"]');
    await dialog.waitFor();
    const listed = (await dialog.textContent()) ?? '';
    for (const c of s.caseManagers) expect(listed).toContain(c.name);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
  });

  it('Headcount for 113 shows the back end’s in-post totals', async () => {
    const { page } = app;
    const h = await backend(app, 'headcount.year', { rocYear: 113 });
    await page.click('[data-test="nav-headcount"]');
    await page.locator('[data-test="headcount-table"]').waitFor();
    await page.click('[data-test="headcount-year"]');
    await page.locator('.el-select-dropdown__item:visible', { hasText: /^113 年$/ }).click();
    await expect.poll(() => page.locator('.page .muted').first().textContent()).toContain('113 年度');

    expect(await text('[data-test="hc-total-inpost"] [data-test="value"]')).toBe(String(h.totals.inPost));
    expect(await text('[data-test="hc-total-quota"] [data-test="value"]')).toBe(String(h.totals.quota ?? '—'));
    expect(await text('[data-test="hc-total-rate"] [data-test="value"]')).toBe(pct(h.totals.hiringRate));
    for (const row of h.rows) expect(await text(`[data-test="hc-inpost-${row.roleCode}"]`)).toBe(String(row.inPost));
  });
});
