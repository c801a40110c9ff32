// Roster service: people, periods, leaves and the roster as of a date. Loads rows, applies shared/domain rules,
// writes each change in one transaction.
import { AppError } from '../../shared/api/errors';
import type { Output } from '../../shared/api/contract';
import { addDays, formatRoc } from '../../shared/dates/roc';
import { compareNames } from '../../shared/domain/collation';
import { checkLeaves, checkPeriods, rosterAt } from '../../shared/domain/employment';
import { maskNationalId } from '../../shared/domain/nationalId';
import type { Leave, Period } from '../../shared/domain/types';
import { auditEvent } from '../db/audit';
import type { Db } from '../db/connection';
import * as leavesQ from '../db/queries/leaves';
import * as peopleQ from '../db/queries/people';
import * as periodsQ from '../db/queries/periods';
import * as rolesQ from '../db/queries/roles';
import type { HandlerTable } from './handlerTable';

type PersonDetail = Output<'people.get'>;

export function personDetail(db: Db, id: number): PersonDetail {
  const person = peopleQ.getPerson(db, id);
  if (!person) throw new AppError('NOT_FOUND', `找不到人員（編號 ${id}）`);
  const { nationalId, ...rest } = person;
  return {
    person: { ...rest, nationalIdMasked: maskNationalId(nationalId) },
    periods: periodsQ.periodsOfPerson(db, id),
    leaves: leavesQ.leavesOfPerson(db, id),
  };
}

/** Rejects a person's timeline that breaks RULES §1 (overlaps, end before start, leave outside employment). */
export function assertTimeline(periods: Omit<Period, 'id'>[], leaves: Omit<Leave, 'id'>[]): void {
  const problems = [...checkPeriods(periods), ...checkLeaves(leaves, periods)];
  if (problems.length) throw new AppError('VALIDATION', problems.map((p) => p.message).join('；'));
}

export function assertRoleExists(db: Db, roleCode: string): void {
  if (!rolesQ.listRoles(db).some((r) => r.code === roleCode)) throw new AppError('VALIDATION', `沒有這個職稱代碼：${roleCode}`, 'roleCode');
}

function assertNationalIdFree(db: Db, nationalId: string | null, selfId?: number): void {
  if (!nationalId) return;
  const other = peopleQ.findPersonByNationalId(db, nationalId);
  if (other && other.id !== selfId) {
    throw new AppError('CONFLICT', `身分證字號已登錄於 ${other.name}`, 'nationalId');
  }
}

/** Rejects a span that ends before it starts with the clerk's words, before SQLite's CHECK would refuse it. */
function assertOrdered(span: { startDate: string; endDate: string | null }, what: '任職期間' | '留職停薪'): void {
  if (span.endDate && span.endDate < span.startDate) {
    const [end, start] = what === '任職期間' ? ['離職日', '到職日'] : ['留職停薪迄', '起日'];
    throw new AppError('VALIDATION', `${end} ${formatRoc(span.endDate)} 早於${start} ${formatRoc(span.startDate)}`, 'endDate');
  }
}

/** Runs `change` in one transaction, then re-checks the person's whole timeline; a broken timeline rolls it all back. */
function changePerson(db: Db, personId: number, change: () => void): PersonDetail {
  db.transaction(() => {
    change();
    assertTimeline(periodsQ.periodsOfPerson(db, personId), leavesQ.leavesOfPerson(db, personId));
  })();
  return personDetail(db, personId);
}

function periodOrThrow(db: Db, id: number): Period {
  const p = periodsQ.getPeriod(db, id);
  if (!p) throw new AppError('NOT_FOUND', `找不到任職期間（編號 ${id}）`);
  return p;
}

function leaveOrThrow(db: Db, id: number): Leave {
  const l = leavesQ.getLeave(db, id);
  if (!l) throw new AppError('NOT_FOUND', `找不到留職停薪紀錄（編號 ${id}）`);
  return l;
}

export const rosterHandlers = {
  'roles.list': (_, { db }) => rolesQ.listRoles(db),

  'roles.add': ({ code, name }, { db }) => {
    const roles = rolesQ.listRoles(db);
    if (roles.some((r) => r.code === code || r.name === name)) throw new AppError('CONFLICT', `職稱「${name}」或代碼 ${code} 已存在`);
    const role = { code, name, kind: 'other' as const, sort: 100 + roles.length };
    rolesQ.insertRole(db, role);
    return { ...role, builtin: false };
  },

  'roster.at': ({ date }, { db }) => {
    const periods = periodsQ.listPeriodsOfPeopleActiveOn(db, date);
    const leaves = leavesQ.listLeavesCovering(db, date);
    const roles = new Map(rolesQ.listRoles(db).map((r) => [r.code, r]));
    const people = new Map(peopleQ.listPeopleActiveBetween(db, date, date).map((p) => [p.id, p]));
    const rows = rosterAt(date, periods, leaves).map((e) => {
      const person = people.get(e.personId)!;
      const role = roles.get(e.period.roleCode)!;
      return {
        personId: person.id,
        name: person.name,
        nationalIdMasked: maskNationalId(person.nationalId),
        employeeNo: person.employeeNo,
        roleCode: role.code,
        roleName: role.name,
        funding: e.period.funding,
        businessGroup: e.period.businessGroup,
        adminUnit: e.period.adminUnit,
        title: e.period.title,
        periodId: e.period.id,
        periodStart: e.period.startDate,
        periodEnd: e.period.endDate,
        serviceStart: e.serviceStart,
        onLeave: e.leave != null,
        leaveStart: e.leave?.startDate ?? null,
        leaveEnd: e.leave?.endDate ?? null,
        education: person.education,
        sort: role.sort,
      };
    });
    rows.sort((a, b) => a.sort - b.sort || compareNames(a.name, b.name));
    const countsByRole: Record<string, number> = {};
    for (const r of rows) countsByRole[r.roleCode] = (countsByRole[r.roleCode] ?? 0) + 1;
    return { date, rows: rows.map(({ sort: _sort, ...r }) => r), countsByRole, onLeave: rows.filter((r) => r.onLeave).length };
  },

  'people.list': (_, { db }) =>
    peopleQ.listPeople(db).map((p) => ({ id: p.id, name: p.name, nationalIdMasked: maskNationalId(p.nationalId) })),

  'people.get': ({ id }, { db }) => personDetail(db, id),

  'people.create': ({ person, period }, { db }) => {
    assertRoleExists(db, period.roleCode);
    assertNationalIdFree(db, person.nationalId);
    assertTimeline([{ ...period, personId: 0 }], []);
    const id = db.transaction(() => {
      const pid = peopleQ.insertPerson(db, person);
      periodsQ.insertPeriod(db, { ...period, personId: pid });
      return pid;
    })();
    return personDetail(db, id);
  },

  'people.update': ({ id, person }, { db }) => {
    const current = peopleQ.getPerson(db, id);
    if (!current) throw new AppError('NOT_FOUND', `找不到人員（編號 ${id}）`);
    const nationalId = person.nationalId === undefined ? current.nationalId : person.nationalId;
    assertNationalIdFree(db, nationalId, id);
    peopleQ.updatePerson(db, id, { ...person, nationalId });
    return personDetail(db, id);
  },

  'people.revealNationalId': ({ id }, { db, actor }) => {
    const person = peopleQ.getPerson(db, id);
    if (!person) throw new AppError('NOT_FOUND', `找不到人員（編號 ${id}）`);
    // no reveal without its trace: on a read-only (damaged) file this write fails and so does the reveal
    auditEvent(db, actor(), 'reveal', `檢視 ${person.name} 的完整身分證字號`, id);
    return { nationalId: person.nationalId };
  },

  'people.delete': ({ id }, { db }) => {
    personDetail(db, id);
    peopleQ.deletePerson(db, id);
    return { deleted: true as const };
  },

  'periods.add': ({ personId, period }, { db }) => {
    personDetail(db, personId);
    assertRoleExists(db, period.roleCode);
    assertOrdered(period, '任職期間');
    return changePerson(db, personId, () => periodsQ.insertPeriod(db, { ...period, personId }));
  },

  'periods.update': ({ id, period }, { db }) => {
    const old = periodOrThrow(db, id);
    assertRoleExists(db, period.roleCode);
    assertOrdered(period, '任職期間');
    return changePerson(db, old.personId, () => periodsQ.updatePeriod(db, id, { ...period, personId: old.personId }));
  },

  'periods.delete': ({ id }, { db }) => {
    const old = periodOrThrow(db, id);
    if (periodsQ.periodsOfPerson(db, old.personId).length === 1) {
      throw new AppError('VALIDATION', '這是此人唯一的任職期間；若要移除此人，請改用「刪除人員」');
    }
    return changePerson(db, old.personId, () => periodsQ.deletePeriod(db, id));
  },

  'periods.end': ({ id, endDate, endReason }, { db }) => {
    const old = periodOrThrow(db, id);
    assertOrdered({ startDate: old.startDate, endDate }, '任職期間');
    return changePerson(db, old.personId, () => periodsQ.updatePeriod(db, id, { ...old, endDate, endReason }));
  },

  'periods.promote': ({ periodId, date, roleCode, title }, { db }) => {
    const old = periodOrThrow(db, periodId);
    assertRoleExists(db, roleCode);
    if (date <= old.startDate) throw new AppError('VALIDATION', '新職生效日須晚於目前任職期間的到職日', 'date');
    if (old.endDate && date > old.endDate) throw new AppError('VALIDATION', '新職生效日須在目前任職期間內', 'date');
    return changePerson(db, old.personId, () => {
      periodsQ.updatePeriod(db, old.id, { ...old, endDate: addDays(date, -1), endReason: '職務異動' });
      periodsQ.insertPeriod(db, { ...old, roleCode, title, startDate: date, endDate: old.endDate, endReason: old.endReason });
    });
  },

  'leaves.add': ({ personId, ...leave }, { db }) => {
    personDetail(db, personId);
    assertOrdered(leave, '留職停薪');
    return changePerson(db, personId, () => leavesQ.insertLeave(db, { ...leave, personId }));
  },

  'leaves.update': ({ id, ...leave }, { db }) => {
    const old = leaveOrThrow(db, id);
    assertOrdered(leave, '留職停薪');
    return changePerson(db, old.personId, () => leavesQ.updateLeave(db, id, leave));
  },

  'leaves.delete': ({ id }, { db }) => {
    const old = leaveOrThrow(db, id);
    return changePerson(db, old.personId, () => leavesQ.deleteLeave(db, id));
  },
} satisfies HandlerTable;
