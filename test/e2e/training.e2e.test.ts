// Training end to end in Chromium: record one course for three people by ticking them, and see the matrix change —
// the same per-person figures the dispatcher (and the CLI) computes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as peopleQ from '../../electron/db/queries/people';
import * as periodsQ from '../../electron/db/queries/periods';
import { e2eAvailable, field, launchApp, typeDate, type App } from './harness';

const NAMES = ['甲個管', '乙個管', '丙個管'];

describe.runIf(e2eAvailable())('training end to end (browser mode, Chromium)', () => {
  let app: App;
  beforeAll(async () => {
    app = await launchApp(
      (b) =>
        NAMES.forEach((name) => {
          const personId = peopleQ.insertPerson(b.db, { name, nationalId: null, employeeNo: null, education: null, department: null, certificate: null, contact: null });
          periodsQ.insertPeriod(b.db, { personId, roleCode: 'CM', funding: '補助', businessGroup: null, adminUnit: null, title: null, startDate: '2022-01-01', endDate: null, endReason: null });
        }),
      undefined,
      { today: '2024-06-30' },
    );
  });
  afterAll(async () => app?.close());

  const l3Cells = () =>
    Promise.all(NAMES.map((n) => app.page.locator('[data-test="training-matrix"] .el-table__body-wrapper tr', { hasText: n }).locator('[data-test="level-cell"]').nth(2).textContent()));

  async function chooseYear(y: number) {
    await app.page.click('[data-test="year-select"]');
    await app.page.locator('.el-select-dropdown__item:visible', { hasText: `${y} 年` }).click();
  }

  it('records one L3 course for three people and the matrix shows their hours', async () => {
    const { page } = app;
    await page.click('[data-test="nav-training"]');
    await page.locator('[data-test="training-matrix"]').waitFor();
    await chooseYear(113);
    await expect.poll(l3Cells).toEqual(NAMES.map(() => expect.stringContaining('Level 3 0/8h')));

    await page.click('[data-test="to-courses"]');
    await page.click('[data-test="course-new"]');
    const dialog = page.locator('[data-test="course-dialog"]');
    await dialog.waitFor();
    await field(page, 'course-name').fill('進階動機式晤談');
    await typeDate(page, 'course-date', '113/03/20');
    await field(page, 'course-provider').fill('示範醫院成癮防治中心');
    await field(page, 'course-approval').fill('113年2月15日衛部心字第1131760013號');
    for (const n of NAMES) await dialog.locator(`[data-test="tick-${n}"]`).click();
    await expect.poll(() => dialog.textContent()).toContain('已勾選 3 人');
    await page.click('[data-test="course-save"]');
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => page.locator('[data-test="course-table"] .el-table__body-wrapper').textContent()).toContain('進階動機式晤談');

    await page.click('[data-test="nav-training"]');
    await expect.poll(l3Cells).toEqual(NAMES.map(() => expect.stringContaining('Level 3 3/8h')));
    const r = await app.dispatch('training.year', { rocYear: 113 });
    if (!r.ok) throw new Error(r.error.message);
    const people = (r.data as { people: { name: string; reason: string; levels: { L3: { done: number } } }[] }).people;
    expect(people.map((p) => p.levels.L3.done)).toEqual([3, 3, 3]);
    // what the page says is missing (behind each row's ▸) is exactly what the back end says, person by person
    for (const icon of await page.locator('[data-test="training-matrix"] .el-table__expand-icon').all()) await icon.click();
    const reasons = await page.locator('[data-test="training-matrix"] [data-test="reason"]').allTextContents();
    expect(reasons.map((x) => x.trim())).toEqual(people.map((p) => p.reason));
    expect(people[0].reason).toContain('Level 3 尚缺 5 小時');
  });
});
