// The national-scale synthetic generator (issue 8) at a reduced size: the data it writes obeys RULES §1, is the same
// for the same seed, and its roster file imports cleanly. Speed is measured by `npm run bench`, never here.
import crypto from 'node:crypto';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import * as leavesQ from '../../electron/db/queries/leaves';
import * as periodsQ from '../../electron/db/queries/periods';
import { countsOf, generateNational, nationalRosterCsv, writeNational } from '../../electron/demo/nationalScale';
import { addDays, addMonths, daysBetween } from '../../shared/dates/roc';
import { checkLeaves, checkPeriods, covers, dayNumber, fromDayNumber, groupByPerson, plusDays, plusMonths } from '../../shared/domain/employment';
import { ok, tempBackend, upload, type TempBackend } from './helpers';

const PEOPLE = 250;
const open: TempBackend[] = [];
afterEach(() => open.splice(0).forEach((t) => t.cleanup()));

function seeded(seed: number) {
  const t = tempBackend('2025-12-31');
  open.push(t);
  const data = generateNational({ seed, people: PEOPLE });
  writeNational(t.backend.db, data);
  return { t, db: t.backend.db, data };
}

const TABLES = [
  'people', 'periods', 'leaves', 'plan_years', 'quotas', 'supervision_assignments', 'caseloads', 'training_courses',
  'training_attendance', 'case_reports', 'volunteers', 'volunteer_periods', 'volunteer_hours', 'volunteer_evaluations',
];
/** Every generated row (without the created/updated timestamps, which are the clock's). */
function contentHash(db: TempBackend['backend']['db']): string {
  const h = crypto.createHash('sha256');
  for (const t of TABLES) {
    for (const r of db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all() as Record<string, unknown>[]) {
      const { created_at: _c, updated_at: _u, ...rest } = r;
      h.update(`${t}:${JSON.stringify(rest)}\n`);
    }
  }
  return h.digest('hex');
}

describe('national-scale synthetic dataset (reduced to 250 people)', () => {
  it('has the national proportions: about 3 periods, 0.4 leaves, 12 caseloads and 20 attendances per person', () => {
    const c = countsOf(generateNational({ seed: 1, people: PEOPLE }));
    expect(c.people).toBe(PEOPLE);
    expect(c.periods / PEOPLE).toBeGreaterThan(2.2);
    expect(c.periods / PEOPLE).toBeLessThan(4);
    expect(c.leaves).toBe(100);
    expect(c.caseloads).toBeGreaterThanOrEqual(3000);
    expect(c.attendances).toBeGreaterThan(3500);
    expect(c.volunteers).toBe(150);
    expect(c.volunteerHours).toBeGreaterThan(2000);
  });

  it('every timeline obeys RULES §1: no overlapping periods, every 留職停薪 inside one period, promotions and rehires present', () => {
    const { db } = seeded(7);
    const periods = groupByPerson(periodsQ.listPeriods(db));
    const leaves = groupByPerson(leavesQ.listLeaves(db));
    expect(periods.size).toBe(PEOPLE);
    let promotions = 0;
    let rehires = 0;
    for (const [personId, list] of periods) {
      const mine = leaves.get(personId) ?? [];
      expect(checkPeriods(list), `person ${personId}`).toEqual([]);
      expect(checkLeaves(mine, list), `person ${personId}`).toEqual([]);
      for (let i = 1; i < list.length; i++) {
        const consecutive = plusDays(list[i - 1].endDate!, 1) === list[i].startDate;
        if (consecutive && list[i].roleCode !== list[i - 1].roleCode) promotions++;
        if (!consecutive) rehires++;
      }
    }
    expect(promotions).toBeGreaterThan(10);
    expect(rehires).toBeGreaterThan(10);
    expect(periodsQ.listPeriods(db).some((p) => p.endReason === '離職')).toBe(true);
  });

  it('caseloads are month ends of people then in a case-management role; assignments give each 個管 one 督導 in post at a time', () => {
    const { db } = seeded(7);
    const periods = periodsQ.listPeriods(db);
    const byPerson = groupByPerson(periods);
    const roleOn = (personId: number, date: string) => (byPerson.get(personId) ?? []).find((p) => covers(p, date))?.roleCode;
    for (const c of db.prepare('SELECT person_id, month_end FROM caseloads').all() as { person_id: number; month_end: string }[]) {
      expect(plusDays(c.month_end, 1).endsWith('-01')).toBe(true);
      expect(['CM', 'SCM', 'SUP']).toContain(roleOn(c.person_id, c.month_end));
    }
    const assignments = db.prepare('SELECT case_manager_id AS cm, supervisor_id AS sup, start_date AS startDate, end_date AS endDate FROM supervision_assignments ORDER BY cm, startDate').all() as {
      cm: number; sup: number; startDate: string; endDate: string | null;
    }[];
    expect(assignments.length).toBeGreaterThan(50);
    for (const [cm, list] of groupByPerson(assignments.map((a) => ({ ...a, personId: a.cm })))) {
      expect(checkPeriods(list), `個管 ${cm}`).toEqual([]);
      for (const a of list) {
        expect(['CM', 'SCM']).toContain(roleOn(cm, a.startDate));
        expect(roleOn(a.sup, a.startDate)).toBe('SUP');
      }
    }
  });

  it('is deterministic: the same seed writes the same rows, another seed different ones', () => {
    const a = contentHash(seeded(42).db);
    const b = contentHash(seeded(42).db);
    const c = contentHash(seeded(43).db);
    expect(a).toBe(b);
    expect(c).not.toBe(a);
  });

  it('its roster file (template columns, ROC dates) imports into an empty database without an error', async () => {
    const data = generateNational({ seed: 7, people: PEOPLE });
    const csv = nationalRosterCsv(data, 300);
    expect(csv.trim().split('\r\n')).toHaveLength(301);
    const t = tempBackend('2025-12-31');
    open.push(t);
    const preview = await ok(t.backend, 'import.roster.commit', upload('national.csv', csv));
    expect(preview.errors).toEqual([]);
    expect(preview.summary.periods).toBe(300);
  });
});

describe('the integer calendar arithmetic the figures use agrees with shared/dates/roc.ts', () => {
  const iso = fc.integer({ min: dayNumber('1950-01-01'), max: dayNumber('2150-12-31') }).map(fromDayNumber);
  it('plusDays, plusMonths and dayNumber differences', () => {
    fc.assert(
      fc.property(iso, fc.integer({ min: -4000, max: 4000 }), fc.integer({ min: -60, max: 60 }), (d, n, m) => {
        expect(plusDays(d, n)).toBe(addDays(d, n));
        expect(plusDays(d, 1)).toBe(addDays(d, 1));
        expect(plusMonths(d, m)).toBe(addMonths(d, m));
        expect(dayNumber(plusDays(d, n)) - dayNumber(d)).toBe(daysBetween(d, addDays(d, n)));
      }),
      { numRuns: 2000 },
    );
  });
  it('month ends and leap days', () => {
    expect(plusMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(plusMonths('2023-08-31', 12)).toBe('2024-08-31');
    expect(plusDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(plusDays('2023-12-31', 1)).toBe('2024-01-01');
    expect(plusDays('2100-02-28', 1)).toBe('2100-03-01');
  });
});
