// Issue 12: one course is taught in sessions, each with its own topic — Level 2's 12 topics are sessions of one
// course, often recorded on one date. A row per person per session imports (a session is course + date + provider +
// topic), re-importing updates rather than doubles, and each person's topic hours add up.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { ok, tempBackend, upload, type TempBackend } from './helpers';

let t: TempBackend;
beforeEach(() => (t = tempBackend()));
afterEach(() => t.cleanup());

// an office's own attendance sheet: a title row, its own header words, the course on one date in three sessions
const sheet = (extraHours = 0) =>
  [
    '113年度第二級訓練簽到表,,,,,',
    ',,,,,',
    '姓名,研習名稱,層級,主題,上課日期,研習時數,主辦單位',
    `範例甲,第二級訓練,Level 2,藥癮個案輔導技巧,１１３/０３/１５,${3 + extraHours},衛生局`,
    '範例甲,第二級訓練,Level 2,藥癮個案輔導技巧,113/03/16,3,衛生局',
    '範例甲,第二級訓練,Level 2,壓力調適,113/03/15,2,衛生局',
    '範例乙,第二級訓練,Level 2,壓力調適,113/03/15,2,衛生局',
  ].join('\r\n') + '\r\n';

async function hire(name: string) {
  await ok(t.backend, 'people.create', {
    person: { name, nationalId: null, employeeNo: null, education: null, department: null, certificate: null, contact: null },
    period: { roleCode: 'CM', funding: '補助', businessGroup: null, adminUnit: null, title: null, startDate: '2020-01-01', endDate: null, endReason: null },
  });
}

const topicsOf = async (name: string) => {
  const y = await ok(t.backend, 'training.year', { rocYear: 113 });
  const p = y.people.find((x) => x.name === name);
  return Object.fromEntries((p?.levels.L2?.topics ?? []).filter((x) => x.done > 0).map((x) => [x.name, x.done]));
};

it('rows per person per session import; topic hours add up; re-importing updates instead of doubling', async () => {
  await hire('範例甲');
  await hire('範例乙');
  const first = await ok(t.backend, 'import.training.commit', upload('簽到表.csv', sheet()));
  expect(first.reading.headerRow).toBe(3);
  expect(first.summary).toMatch(/^課程 3 門（新增 3、既有 0），出席 4 人次/);
  expect(await topicsOf('範例甲')).toEqual({ 藥癮個案輔導技巧: 6, 壓力調適: 2 });
  expect(await topicsOf('範例乙')).toEqual({ 壓力調適: 2 });

  const again = await ok(t.backend, 'import.training.commit', upload('簽到表.csv', sheet()));
  expect(again.summary).toMatch(/^課程 3 門（新增 0、既有 3），出席 4 人次（新增 0、更新 4）/);
  expect(await topicsOf('範例甲')).toEqual({ 藥癮個案輔導技巧: 6, 壓力調適: 2 });
  // a session's hours corrected in the file update that session only
  await ok(t.backend, 'import.training.commit', upload('簽到表.csv', sheet(-1)));
  expect(await topicsOf('範例甲')).toEqual({ 藥癮個案輔導技巧: 5, 壓力調適: 2 });
});
