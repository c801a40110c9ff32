// The roster service through the dispatcher, as the UI calls it, on a real SQLite file: people, periods, promotions,
// 留職停薪, roles, input validation, the demo office and the migrations/pragmas of the connection.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openBackend } from '../../electron/backend';
import { createDemoOffice, DEMO_PEOPLE } from '../../electron/demo/demoOffice';
import { applyMigrations, defaultMigrationsDir, loadMigrations } from '../../electron/db/migrate';
import type { EndReason } from '../../shared/domain/types';
import { count, fails, fingerprint, ok, tempBackend, type TempBackend } from './helpers';

let t: TempBackend;
beforeEach(() => {
  t = tempBackend();
});
afterEach(() => t.cleanup());

const person = (name: string, nationalId: string | null = null, extra: Record<string, unknown> = {}) => ({
  name, nationalId, employeeNo: null, education: '大學', department: '社會工作學系', certificate: null, contact: null, ...extra,
});
const period = (roleCode: string, startDate: string, endDate: string | null = null, endReason: EndReason | null = null, extra: Record<string, unknown> = {}) => ({
  roleCode, funding: roleCode === 'OWN' ? ('自有' as const) : ('補助' as const), businessGroup: '綜合規劃組', adminUnit: '衛生局', title: null, startDate, endDate, endReason, ...extra,
});

async function create(name: string, p = period('CM', '2021-06-01'), nationalId: string | null = null) {
  return ok(t.backend, 'people.create', { person: person(name, nationalId), period: p });
}
async function rosterRow(date: string, personId: number) {
  const r = await ok(t.backend, 'roster.at', { date });
  return r.rows.find((x: { personId: number }) => x.personId === personId) ?? null;
}

describe('people.create', () => {
  it('creates a person with a first period', async () => {
    const d = await create('王小明', period('CM', '2021-06-01'), 'a123456789');
    expect(d.person).toMatchObject({ name: '王小明', nationalIdMasked: 'A12****789', education: '大學' });
    expect(d.person).not.toHaveProperty('nationalId'); // the full number only through people.revealNationalId
    expect(await ok(t.backend, 'people.revealNationalId', { id: d.person.id })).toEqual({ nationalId: 'A123456789' });
    expect(d.periods).toHaveLength(1);
    expect(d.periods[0]).toMatchObject({ personId: d.person.id, roleCode: 'CM', funding: '補助', startDate: '2021-06-01', endDate: null, endReason: null });
    expect(d.leaves).toEqual([]);
    expect(await ok(t.backend, 'people.list', {})).toEqual([{ id: d.person.id, name: '王小明', nationalIdMasked: 'A12****789' }]);
    expect(await rosterRow('2021-06-01', d.person.id)).toMatchObject({ name: '王小明', roleCode: 'CM', roleName: '個管', serviceStart: '2021-06-01', onLeave: false });
    expect(await rosterRow('2021-05-31', d.person.id)).toBeNull();
  });

  it('rejects an unknown role and a period ending before it starts, writing nothing', async () => {
    const before = fingerprint(t.backend);
    const e1 = await fails(t.backend, 'people.create', { person: person('甲'), period: period('BOSS', '2021-06-01') });
    expect(e1).toMatchObject({ code: 'VALIDATION', field: 'roleCode' });
    expect(e1.message).toContain('沒有這個職稱代碼');
    const e2 = await fails(t.backend, 'people.create', { person: person('甲'), period: period('CM', '2021-06-01', '2021-05-31', '離職') });
    expect(e2.code).toBe('VALIDATION');
    expect(e2.message).toBe('離職日 110/05/31 早於到職日 110/06/01');
    expect(fingerprint(t.backend)).toEqual(before);
  });
});

describe('periods.promote: a role change inside continuous service (RULES §1)', () => {
  it('CM → SUP on 113/03/01: the CM period ends 113/02/29 with 職務異動; roster before/after; serviceStart unchanged', async () => {
    const d = await create('林督導', period('CM', '2021-06-01', null, null, { businessGroup: '保護扶助組', title: '個案管理員' }));
    const pid = d.person.id;
    const after = await ok(t.backend, 'periods.promote', { periodId: d.periods[0].id, date: '2024-03-01', roleCode: 'SUP', title: '督導' });
    expect(after.periods.map((p: any) => [p.roleCode, p.startDate, p.endDate, p.endReason, p.businessGroup, p.title])).toEqual([
      ['CM', '2021-06-01', '2024-02-29', '職務異動', '保護扶助組', '個案管理員'],
      ['SUP', '2024-03-01', null, null, '保護扶助組', '督導'],
    ]);
    expect(after.periods[0].id).toBe(d.periods[0].id); // the old period is ended, not replaced

    expect(await rosterRow('2024-02-29', pid)).toMatchObject({ roleCode: 'CM', periodEnd: '2024-02-29', serviceStart: '2021-06-01' });
    expect(await rosterRow('2024-03-01', pid)).toMatchObject({ roleCode: 'SUP', roleName: '督導', periodStart: '2024-03-01', serviceStart: '2021-06-01' });
    const r = await ok(t.backend, 'roster.at', { date: '2024-12-31' });
    expect(r.countsByRole).toEqual({ SUP: 1 });
  });

  it('promoting a period that already has an end keeps that end on the new period', async () => {
    const d = await create('期滿者', period('CM', '2023-01-01', '2024-12-31', '期滿'));
    const after = await ok(t.backend, 'periods.promote', { periodId: d.periods[0].id, date: '2024-07-01', roleCode: 'SCM', title: null });
    expect(after.periods.map((p: any) => [p.roleCode, p.startDate, p.endDate, p.endReason])).toEqual([
      ['CM', '2023-01-01', '2024-06-30', '職務異動'],
      ['SCM', '2024-07-01', '2024-12-31', '期滿'],
    ]);
  });

  it('rejects a date on/before the start, after the end, or an unknown role — and writes nothing', async () => {
    const d = await create('甲', period('CM', '2023-01-01', '2024-12-31', '期滿'));
    const before = fingerprint(t.backend);
    const id = d.periods[0].id;
    const e1 = await fails(t.backend, 'periods.promote', { periodId: id, date: '2023-01-01', roleCode: 'SUP', title: null });
    expect(e1).toMatchObject({ code: 'VALIDATION', field: 'date', message: '新職生效日須晚於目前任職期間的到職日' });
    const e2 = await fails(t.backend, 'periods.promote', { periodId: id, date: '2025-01-01', roleCode: 'SUP', title: null });
    expect(e2).toMatchObject({ code: 'VALIDATION', message: '新職生效日須在目前任職期間內' });
    const e3 = await fails(t.backend, 'periods.promote', { periodId: id, date: '2024-01-01', roleCode: 'XX', title: null });
    expect(e3.code).toBe('VALIDATION');
    const e4 = await fails(t.backend, 'periods.promote', { periodId: 9999, date: '2024-01-01', roleCode: 'SUP', title: null });
    expect(e4.code).toBe('NOT_FOUND');
    expect(fingerprint(t.backend)).toEqual(before);
  });
});

describe('periods.end', () => {
  it('離職 on 113/06/30: in the roster that day, gone the next', async () => {
    const d = await create('離職者', period('CM', '2022-01-01'));
    const after = await ok(t.backend, 'periods.end', { id: d.periods[0].id, endDate: '2024-06-30', endReason: '離職' });
    expect(after.periods[0]).toMatchObject({ endDate: '2024-06-30', endReason: '離職' });
    expect(await rosterRow('2024-06-30', d.person.id)).not.toBeNull();
    expect(await rosterRow('2024-07-01', d.person.id)).toBeNull();
    expect(await rosterRow('2024-12-31', d.person.id)).toBeNull();
  });

  it('an unknown end reason is rejected and nothing is written', async () => {
    const d = await create('甲', period('CM', '2022-01-01'));
    const before = fingerprint(t.backend);
    const e = await fails(t.backend, 'periods.end', { id: d.periods[0].id, endDate: '2024-06-30', endReason: '開除' });
    expect(e).toMatchObject({ code: 'VALIDATION', field: 'endReason' });
    expect(fingerprint(t.backend)).toEqual(before);
  });

  // an end before the start is refused in the clerk's words, before SQLite's CHECK would refuse it
  it('an end before the start (periods.end / periods.update) is a VALIDATION error with the Chinese message', async () => {
    const d = await create('甲', period('CM', '2022-01-01'));
    const before = fingerprint(t.backend);
    const e1 = await fails(t.backend, 'periods.end', { id: d.periods[0].id, endDate: '2021-12-31', endReason: '離職' });
    const e2 = await fails(t.backend, 'periods.update', { id: d.periods[0].id, period: period('CM', '2022-01-01', '2021-12-31', '離職') });
    expect(fingerprint(t.backend)).toEqual(before);
    expect(e1).toMatchObject({ code: 'VALIDATION', message: '離職日 110/12/31 早於到職日 111/01/01' });
    expect(e2).toMatchObject({ code: 'VALIDATION', message: '離職日 110/12/31 早於到職日 111/01/01' });
  });
});

describe('timeline rules on periods and leaves', () => {
  it('an overlapping periods.add is rejected with VALIDATION, a Chinese message, and nothing written', async () => {
    const d = await create('甲', period('CM', '2021-06-01'));
    const before = fingerprint(t.backend);
    const e = await fails(t.backend, 'periods.add', { personId: d.person.id, period: period('SUP', '2023-02-01') });
    expect(e.code).toBe('VALIDATION');
    expect(e.message).toBe('任職期間 112/02/01–迄今 與 110/06/01–迄今 重疊（前一段尚未填離職日；升遷請在前一段填上新職前一日）');
    expect(fingerprint(t.backend)).toEqual(before);
    expect(count(t.backend, 'periods')).toBe(1);
  });

  it('a rehire after a gap is accepted, and service restarts at the rehire', async () => {
    const d = await create('甲', period('CM', '2019-09-01', '2022-12-31', '期滿'));
    await ok(t.backend, 'periods.add', { personId: d.person.id, period: period('CM', '2023-06-01') });
    expect(await rosterRow('2024-06-30', d.person.id)).toMatchObject({ serviceStart: '2023-06-01' });
  });

  it('leaves.add outside employment is rejected and nothing written', async () => {
    const d = await create('甲', period('CM', '2022-01-01', '2024-06-30', '離職'));
    const before = fingerprint(t.backend);
    const e1 = await fails(t.backend, 'leaves.add', { personId: d.person.id, startDate: '2021-12-01', endDate: '2022-02-28', note: null });
    expect(e1.code).toBe('VALIDATION');
    expect(e1.message).toBe('留職停薪 110/12/01–111/02/28 不在任何任職期間內');
    const e2 = await fails(t.backend, 'leaves.add', { personId: d.person.id, startDate: '2024-06-01', endDate: null, note: null });
    expect(e2.code).toBe('VALIDATION');
    expect(fingerprint(t.backend)).toEqual(before);
    expect(count(t.backend, 'leaves')).toBe(0);
  });

  it('a leave ending before it starts is a VALIDATION error with the Chinese message', async () => {
    const d = await create('甲', period('CM', '2022-01-01'));
    const before = fingerprint(t.backend);
    const e = await fails(t.backend, 'leaves.add', { personId: d.person.id, startDate: '2024-03-01', endDate: '2024-02-01', note: null });
    expect(fingerprint(t.backend)).toEqual(before);
    expect(e).toMatchObject({ code: 'VALIDATION', message: '留職停薪迄 113/02/01 早於起日 113/03/01' });
  });

  it('a leave shows as onLeave in roster.at and the person still counts', async () => {
    const a = await create('留停者', period('CM', '2022-01-01'));
    await create('在職者', period('CM', '2022-01-01'));
    const d = await ok(t.backend, 'leaves.add', { personId: a.person.id, startDate: '2024-05-01', endDate: '2024-07-31', note: '育嬰' });
    expect(d.leaves).toEqual([{ id: d.leaves[0].id, personId: a.person.id, startDate: '2024-05-01', endDate: '2024-07-31', note: '育嬰' }]);

    const mid = await ok(t.backend, 'roster.at', { date: '2024-06-30' });
    expect(mid.countsByRole).toEqual({ CM: 2 });
    expect(mid.onLeave).toBe(1);
    expect(mid.rows.find((r: any) => r.personId === a.person.id)).toMatchObject({ onLeave: true, leaveStart: '2024-05-01', leaveEnd: '2024-07-31' });
    expect(mid.rows.find((r: any) => r.personId !== a.person.id)).toMatchObject({ onLeave: false, leaveStart: null, leaveEnd: null });
    expect((await rosterRow('2024-08-01', a.person.id))!.onLeave).toBe(false);
    expect((await rosterRow('2024-04-30', a.person.id))!.onLeave).toBe(false);

    const overlap = await fails(t.backend, 'leaves.add', { personId: a.person.id, startDate: '2024-07-31', endDate: null, note: null });
    expect(overlap.code).toBe('VALIDATION');
    expect(overlap.message).toContain('重疊');
  });

  it('deleting the only period is refused; deleting a person removes their periods and leaves (cascade)', async () => {
    const d = await create('甲', period('CM', '2022-01-01'));
    await ok(t.backend, 'leaves.add', { personId: d.person.id, startDate: '2023-01-01', endDate: '2023-02-01', note: null });
    const e = await fails(t.backend, 'periods.delete', { id: d.periods[0].id });
    expect(e.code).toBe('VALIDATION');
    expect(await ok(t.backend, 'people.delete', { id: d.person.id })).toEqual({ deleted: true });
    expect([count(t.backend, 'people'), count(t.backend, 'periods'), count(t.backend, 'leaves')]).toEqual([0, 0, 0]);
    expect((await fails(t.backend, 'people.get', { id: d.person.id })).code).toBe('NOT_FOUND');
  });
});

describe('national ID uniqueness', () => {
  it('a duplicate ID on create is a CONFLICT naming the other person, also when typed in lower case', async () => {
    await create('甲', period('CM', '2022-01-01'), 'A123456789');
    const before = fingerprint(t.backend);
    const e = await fails(t.backend, 'people.create', { person: person('乙', 'A123456789'), period: period('CM', '2023-01-01') });
    expect(e).toMatchObject({ code: 'CONFLICT', field: 'nationalId', message: '身分證字號已登錄於 甲' });
    const e2 = await fails(t.backend, 'people.create', { person: person('乙', ' a123456789 '), period: period('CM', '2023-01-01') });
    expect(e2.code).toBe('CONFLICT');
    expect(fingerprint(t.backend)).toEqual(before);
  });

  it('updating a person to another person’s ID is a CONFLICT; keeping one’s own is fine', async () => {
    await create('甲', period('CM', '2022-01-01'), 'A123456789');
    const b = await create('乙', period('CM', '2022-01-01'), 'B230000021');
    const e = await fails(t.backend, 'people.update', { id: b.person.id, person: person('乙', 'A123456789') });
    expect(e.code).toBe('CONFLICT');
    const u = await ok(t.backend, 'people.update', { id: b.person.id, person: person('乙二', 'B230000021') });
    expect(u.person).toMatchObject({ name: '乙二', nationalIdMasked: 'B23****021' });
  });

  it('a bad checksum is a VALIDATION error on person.nationalId', async () => {
    const e = await fails(t.backend, 'people.create', { person: person('乙', 'A123456788'), period: period('CM', '2023-01-01') });
    expect(e).toMatchObject({ code: 'VALIDATION', field: 'person.nationalId' });
    expect(e.message).toContain('身分證字號格式或檢查碼錯誤');
  });
});

describe('the dispatcher rejects invalid input', () => {
  it('bad date strings: impossible, ROC text, non-string', async () => {
    for (const date of ['2024-02-30', '2023-02-29', '113/06/30', '2024-6-30', '', 20240630, null]) {
      const e = await fails(t.backend, 'roster.at', { date });
      expect(e.code, String(date)).toBe('VALIDATION');
      expect(e.field).toBe('date');
    }
    const e = await fails(t.backend, 'roster.at', { date: '2024-02-30' });
    expect(e.message).toBe('「日期」：日期格式應為 YYYY-MM-DD 的實際日期');
    const e2 = await fails(t.backend, 'people.create', { person: person('甲'), period: period('CM', '2021-02-29') });
    expect(e2).toMatchObject({ code: 'VALIDATION', field: 'period.startDate' });
  });

  it('a missing or blank name', async () => {
    const e = await fails(t.backend, 'people.create', { person: person('   '), period: period('CM', '2021-06-01') });
    expect(e).toMatchObject({ code: 'VALIDATION', field: 'person.name' });
    expect(e.message).toBe('「姓名」：請填姓名');
    const { name: _n, ...noName } = person('x');
    const e2 = await fails(t.backend, 'people.create', { person: noName, period: period('CM', '2021-06-01') });
    expect(e2).toMatchObject({ code: 'VALIDATION', field: 'person.name' });
    expect(count(t.backend, 'people')).toBe(0);
  });

  it('unknown methods, including prototype names', async () => {
    for (const m of ['people.drop', '', 'toString', 'constructor', '__proto__', 'hasOwnProperty']) {
      const e = await fails(t.backend, m, {});
      expect(e.code, m).toBe('UNKNOWN_METHOD');
    }
    expect((await fails(t.backend, 'people.drop', {})).message).toBe('沒有這個功能：people.drop');
  });

  it('wrong shapes: a string, an array, string ids, negative and fractional ids', async () => {
    for (const input of ['abc', [1], { id: '1' }, { id: -1 }, { id: 0 }, { id: 1.5 }, {}]) {
      expect((await fails(t.backend, 'people.get', input)).code, JSON.stringify(input)).toBe('VALIDATION');
    }
    expect((await fails(t.backend, 'people.get', { id: 424242 })).code).toBe('NOT_FOUND');
  });

  it('extra junk: rejected on methods without input; stripped (never stored) elsewhere', async () => {
    const e = await fails(t.backend, 'roles.list', { junk: 1 });
    expect(e.code).toBe('VALIDATION');
    expect((await fails(t.backend, 'people.list', { where: '1=1; DROP TABLE people' })).code).toBe('VALIDATION');
    expect((await fails(t.backend, 'import.roster.template', { x: 1 })).code).toBe('VALIDATION');

    // Note: object inputs are not strict, so unknown keys are dropped rather than rejected. They must have no effect.
    const first = await create('甲');
    // extra keys on purpose: held in a variable, so TypeScript lets them through as IPC input would
    const withJunk = {
      person: person('乙', null, { id: first.person.id, created_at: '1999-01-01', junk: "'; DROP TABLE people; --" }),
      period: period('CM', '2022-01-01', null, null, { personId: first.person.id, id: first.periods[0].id }),
      junk: true,
    };
    const d = await ok(t.backend, 'people.create', withJunk);
    expect(d.person.id).not.toBe(first.person.id);
    expect(d.periods[0].personId).toBe(d.person.id);
    expect(d.periods[0].id).not.toBe(first.periods[0].id);
    expect(count(t.backend, 'people')).toBe(2);
    expect((await ok(t.backend, 'people.get', { id: first.person.id })).periods).toHaveLength(1);
  });

  it('an over-long field and a wrong funding value', async () => {
    const e = await fails(t.backend, 'people.create', { person: person('名'.repeat(51)), period: period('CM', '2022-01-01') });
    expect(e).toMatchObject({ code: 'VALIDATION', field: 'person.name' });
    const e2 = await fails(t.backend, 'people.create', { person: person('甲'), period: period('CM', '2022-01-01', null, null, { funding: '外包' }) });
    expect(e2).toMatchObject({ code: 'VALIDATION', field: 'period.funding' });
  });
});

describe('roles', () => {
  it('roles.list has the five plan roles in order', async () => {
    const roles = await ok(t.backend, 'roles.list', {});
    expect(roles.map((r: any) => [r.code, r.name, r.kind, r.builtin])).toEqual([
      ['CM', '個管', 'case_manager', true],
      ['SCM', '資深個管', 'case_manager', true],
      ['SUP', '督導', 'supervisor', true],
      ['PM', '專管', 'project_manager', true],
      ['OWN', '自有專責', 'own', true],
    ]);
  });

  it('roles.add adds a custom role usable in a period and counted in roster countsByRole', async () => {
    const role = await ok(t.backend, 'roles.add', { code: 'MHSW', name: '心衛社工' });
    expect(role).toEqual({ code: 'MHSW', name: '心衛社工', kind: 'other', builtin: false, sort: 105 });
    expect((await ok(t.backend, 'roles.list', {})).map((r: any) => r.code)).toEqual(['CM', 'SCM', 'SUP', 'PM', 'OWN', 'MHSW']);

    const a = await create('社工甲', period('MHSW', '2023-04-01'));
    await create('個管乙', period('CM', '2023-04-01'));
    const r = await ok(t.backend, 'roster.at', { date: '2024-06-30' });
    expect(r.countsByRole).toEqual({ CM: 1, MHSW: 1 });
    expect(r.rows.find((x: any) => x.personId === a.person.id)).toMatchObject({ roleCode: 'MHSW', roleName: '心衛社工' });
    expect(r.rows.map((x: any) => x.roleCode)).toEqual(['CM', 'MHSW']); // custom roles sort after the plan's

    // and a promotion into the custom role works too
    const b = await create('個管丙', period('CM', '2020-01-01'));
    await ok(t.backend, 'periods.promote', { periodId: b.periods[0].id, date: '2024-01-01', roleCode: 'MHSW', title: null });
    expect((await ok(t.backend, 'roster.at', { date: '2024-06-30' })).countsByRole).toEqual({ CM: 1, MHSW: 2 });
  });

  it('roles.add rejects a duplicate code or name (CONFLICT) and a malformed code (VALIDATION)', async () => {
    expect((await fails(t.backend, 'roles.add', { code: 'CM', name: '新個管' })).code).toBe('CONFLICT');
    expect((await fails(t.backend, 'roles.add', { code: 'NEWCM', name: '個管' })).code).toBe('CONFLICT');
    expect((await fails(t.backend, 'roles.add', { code: 'mhsw', name: '心衛社工' })).code).toBe('VALIDATION');
    expect((await fails(t.backend, 'roles.add', { code: 'M', name: '心衛社工' })).code).toBe('VALIDATION');
    expect((await fails(t.backend, 'roles.add', { code: 'MHSW', name: '' })).code).toBe('VALIDATION');
    expect(count(t.backend, 'roles')).toBe(5);
  });
});

describe('the demo office', () => {
  it('loads, and roster.at 2024-12-31 has the hand-counted 24 people', async () => {
    expect(createDemoOffice(t.backend.db)).toEqual({ people: 30 });
    expect(DEMO_PEOPLE).toHaveLength(30);
    expect(count(t.backend, 'people')).toBe(30);
    expect(count(t.backend, 'periods')).toBe(33); // 30 people + 3 with a second period (陳雅婷, 黃淑芬, 曾柏翰)
    expect(count(t.backend, 'leaves')).toBe(2); // 李佩珊, 周怡安

    const r = await ok(t.backend, 'roster.at', { date: '2024-12-31' });
    // Hand count from DEMO_PEOPLE at 2024-12-31 — 30 people minus 6 not in post:
    //   out: 張家豪 (left 2024-03-31), 吳宜蓁 (left 2024-08-31), 蘇冠廷 (starts 2025-02-03), 賴怡萱 (starts 2025-07-01),
    //        葉書豪 (left 2023-05-31), 石家瑋 (OWN, left 2024-05-31)
    //   CM 13: 林志豪 李佩珊 王俊傑 劉冠宇 蔡欣怡 楊承翰 許雅雯 鄭宇軒 謝佳穎 郭建宏 洪詩涵 曾柏翰 魏志明
    //   SCM 2: 陳雅婷 (promoted 2022-07-01) 周怡安 | SUP 2: 黃淑芬 (promoted 2023-09-01) 江孟儒 | PM 1: 呂佳蓉
    //   OWN 4: 潘俊宏 方雅琪 戴欣妤 彭子晴 | MHSW 2: 簡明哲 范雅惠
    //   13 + 2 + 2 + 1 + 4 + 2 = 24; nobody on leave (李佩珊 back 2024-09-30, 周怡安 from 2025-03-01)
    expect(r.rows).toHaveLength(24);
    expect(r.countsByRole).toEqual({ CM: 13, SCM: 2, SUP: 2, PM: 1, OWN: 4, MHSW: 2 });
    expect(r.onLeave).toBe(0);
    const names = r.rows.map((x: any) => x.name);
    for (const gone of ['張家豪', '吳宜蓁', '蘇冠廷', '賴怡萱', '葉書豪', '石家瑋']) expect(names).not.toContain(gone);
    const byName = (n: string) => r.rows.find((x: any) => x.name === n);
    expect(byName('陳雅婷')).toMatchObject({ roleCode: 'SCM', serviceStart: '2019-03-01' }); // promotion keeps service
    expect(byName('曾柏翰')).toMatchObject({ roleCode: 'CM', serviceStart: '2023-06-01' }); // rehire after a gap
    expect(byName('潘俊宏')).toMatchObject({ funding: '自有', businessGroup: '預防宣導組' });
    expect(byName('林志豪')?.nationalIdMasked).toMatch(/^Z1\d\*{4}\d{3}$/);

    // 2024-06-30: 李佩珊 on 留職停薪 (2024-04-01–2024-09-30)
    const mid = await ok(t.backend, 'roster.at', { date: '2024-06-30' });
    expect(mid.onLeave).toBe(1);
    expect(mid.rows.find((x) => x.onLeave)?.name).toBe('李佩珊');
  });
});

describe('migrations and connection pragmas', () => {
  const migrationFiles = () => fs.readdirSync(defaultMigrationsDir()).filter((f) => /^\d{3}_[\w-]+\.sql$/.test(f));

  it('a fresh database has user_version = number of migration files', () => {
    const n = migrationFiles().length;
    expect(n).toBeGreaterThanOrEqual(1);
    expect(loadMigrations()).toHaveLength(n);
    expect(t.backend.db.pragma('user_version', { simple: true })).toBe(n);
    const tables = (t.backend.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
    expect(tables).toEqual(expect.arrayContaining(['leaves', 'people', 'periods', 'roles']));
  });

  it('reopening applies nothing and keeps the data', async () => {
    const n = migrationFiles().length;
    await create('甲');
    expect(applyMigrations(t.backend.db, loadMigrations())).toBe(0);
    const schema = t.backend.db.prepare('SELECT type, name, sql FROM sqlite_master ORDER BY name').all();
    t.backend.close();

    const again = openBackend(t.dbPath);
    try {
      expect(again.db.pragma('user_version', { simple: true })).toBe(n);
      expect(applyMigrations(again.db, loadMigrations())).toBe(0);
      expect(again.db.prepare('SELECT type, name, sql FROM sqlite_master ORDER BY name').all()).toEqual(schema);
      expect(count(again, 'people')).toBe(1);
      expect(count(again, 'roles')).toBe(5); // the seed rows were not inserted twice
    } finally {
      again.close();
    }
  });

  it('foreign_keys = ON, journal_mode = WAL, synchronous = FULL (2), and foreign keys are enforced', () => {
    const db = t.backend.db;
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(fs.existsSync(`${t.dbPath}-wal`)).toBe(true);
    expect(() =>
      db.prepare("INSERT INTO periods (person_id, role_code, funding, start_date) VALUES (999, 'CM', '補助', '2024-01-01')").run(),
    ).toThrow(/FOREIGN KEY/);
  });

  it('a database from a newer Staffbook (higher user_version) is refused, not downgraded', () => {
    const file = path.join(t.dir, 'newer.db');
    const raw = new Database(file);
    raw.pragma(`user_version = ${migrationFiles().length + 1}`);
    raw.close();
    expect(() => openBackend(file)).toThrow(/比本程式新/);
  });
});
