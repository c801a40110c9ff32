// The training matrix for a year (training.year) and 志工繼續教育涵蓋率 (volunteers.year) against their floors
// (trainingFloors.ts), for `npm run bench`. Called as the UI calls them — `{ rocYear }` with no date, so a year that is
// over is read on its 12/31 and one still running on today — through the real dispatcher; the floor reads the same
// file on a plain read-only connection. Floor and ours must agree person by person and level by level.
import type Database from 'better-sqlite3';
import type { Backend } from '../../electron/backend';
import { todayIso } from '../../shared/dates/roc';
import { trainingFloor, trainingHoursRead, volunteersFloor } from './trainingFloors';
import { median, timePair } from './timing';

const YEAR = 114; // the plan year the other yearly rows read (HEADCOUNT_YEAR)
const LEVELS = ['L1', 'L2', 'L3', 'SUP_L1', 'SUP_L2', 'SUP_L3'] as const;

export interface TrainingBenchContext {
  backend: Backend;
  raw: Database.Database;
  reps: number;
  add: (op: string, ours: number, floor: number | null, target: string, met: (ours: number, ratio: number | null) => boolean) => void;
  agree: (what: string, same: boolean) => void;
  /** a line printed under the table */
  note: (line: string) => void;
}

async function ok(b: Backend, method: string, input: unknown): Promise<any> {
  const r = await b.dispatch(method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.message} ${JSON.stringify(r.error.issues ?? []).slice(0, 500)}`);
  return r.data;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Every fact of one person's matrix: each owed level's hours, topics, 個案報告, deadline, status and reason. */
const personKey = (p: any) => [
  p.personId, p.name, p.roleCode, p.roleName, p.kind, !!p.onLeave, p.status, !!p.ok, p.reason,
  LEVELS.map((l) => {
    const v = p.levels[l];
    return v && [v.label, !!v.yearly, v.required, v.done, v.missing, v.owedFrom, v.deadline, v.status, !!v.ok, v.reason,
      v.caseReports && [v.caseReports.required, v.caseReports.done], v.topics && v.topics.map((t: any) => [t.name, t.required, t.done, t.missing])];
  }),
];

const volunteerKey = (r: any) => [
  r.volunteerId, r.name, r.role, r.serviceStart, r.serviceEnd, r.ceHours, r.serviceHours, r.shortBy, !!r.canRemind, r.evaluation, !!r.ok, r.reason,
];

export async function benchTrainingAndVolunteers(ctx: TrainingBenchContext): Promise<void> {
  const { backend, raw, reps, add, agree, note } = ctx;
  const today = todayIso(); // what the back end's today() answers
  const ys = `${YEAR + 1911}-01-01`;
  const ye = `${YEAR + 1911}-12-31`;
  const asOf = today > ye ? ye : today < ys ? ys : today; // the evaluation date the UI's call resolves to
  const input = { rocYear: YEAR };

  {
    const o = await ok(backend, 'training.year', input);
    const f = trainingFloor(raw, YEAR, asOf, today);
    agree(
      'training.year',
      o.asOf === asOf && o.people.length === f.people.length && same(o.people.map(personKey), f.people.map(personKey)) && same(o.figures, f.figures),
    );
    const { ours, floor } = await timePair(() => ok(backend, 'training.year', input), () => trainingFloor(raw, YEAR, asOf, today), { reps, warmup: 3 });
    add(`training.year (${o.people.length} people)`, median(ours), median(floor), '≤ 2× floor', (_o, r) => r! <= 2);
    const read = await timePair(() => ok(backend, 'training.year', input), () => trainingHoursRead(raw, asOf), { reps, warmup: 2 });
    note(`training.year against only reading the hours that count (a lower bound, not the floor): ${median(read.ours).toFixed(1)} / ${median(read.floor).toFixed(1)} ms = ${(median(read.ours) / median(read.floor)).toFixed(2)}×`);
  }
  {
    const o = await ok(backend, 'volunteers.year', input);
    // the year's 4-hour rule and coverage target are parameters (stored with the training standards): the floor is
    // handed them as retentionFloor is handed 12/18, and computes everything else itself
    const f = volunteersFloor(raw, YEAR, asOf, o.required, o.target);
    const ids = (rs: any[]) => rs.map((r) => r.volunteerId);
    agree(
      'volunteers.year',
      o.asOf === asOf && o.rows.length === f.rows.length && same(o.rows.map(volunteerKey), f.rows.map(volunteerKey)) &&
        same([o.total, o.covered, o.rate, o.met, o.daysLeft], [f.total, f.covered, f.rate, f.met, f.daysLeft]) &&
        same(ids(o.short), ids(f.short)) && same(ids(o.reminders), ids(f.reminders)) && same(o.monthly, f.monthly),
    );
    const { ours, floor } = await timePair(() => ok(backend, 'volunteers.year', input), () => volunteersFloor(raw, YEAR, asOf, o.required, o.target), { reps, warmup: 3 });
    add(`volunteers.year (${o.rows.length} volunteers)`, median(ours), median(floor), '≤ 2× floor', (_o, r) => r! <= 2);
  }
}
