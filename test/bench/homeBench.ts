// The home page (dashboard.home) and the 12-point retention trend (retention.trend) against floors written for them
// (issue 18). Neither figure is computed anew: the home page is made of six figures and a few reminder lists, the
// trend of twelve retention figures, so their floors are the same hand-written statements those figures' rows use,
// run for the same dates, plus the home page's reminder reads. Agreement is checked on every number shown.
import type Database from 'better-sqlite3';
import type { Backend } from '../../electron/backend';
import { headcountFloor, retentionFloor, supervisionFloor } from './floors';
import { trainingFloor, volunteersFloor } from './trainingFloors';
import { median, timePair } from './timing';

type Add = (op: string, ours: number, floor: number | null, target: string, met: (ours: number, ratio: number | null) => boolean) => void;

async function ok(b: Backend, method: string, input: unknown): Promise<any> {
  const r = await b.dispatch(method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.data;
}

const pad = (n: number) => String(n).padStart(2, '0');
/** The last day of each of the `months` months ending with `end`'s month, oldest first (plain calendar arithmetic). */
export function monthEndsFloor(end: string, months: number): string[] {
  const y = Number(end.slice(0, 4));
  const m = Number(end.slice(5, 7));
  return Array.from({ length: months }, (_, i) => {
    const k = y * 12 + (m - 1) - (months - 1 - i);
    const yy = Math.floor(k / 12);
    const mm = (k % 12) + 1;
    const last = new Date(Date.UTC(yy, mm, 0)).getUTCDate();
    return `${yy}-${pad(mm)}-${pad(last)}`;
  });
}

export function trendFloor(raw: Database.Database, end: string, months: number) {
  return monthEndsFloor(end, months).map((date) => {
    const f = retentionFloor(raw, date, date);
    const rate = (n: number) => (f.denominator ? n / f.denominator : null);
    return { date, rateShort: rate(f.countShort), rateLong: rate(f.countLong), denominator: f.denominator };
  });
}

/** The reminder lists the home page reads besides its figures: posts and leaves ending within 60 days, last month's missing caseloads. */
const REMINDER_SQL = `
SELECT 'end' AS k, person_id AS id, end_date AS d FROM periods WHERE end_date BETWEEN @today AND date(@today, '+60 days')
UNION ALL SELECT 'leave', person_id, end_date FROM leaves WHERE end_date BETWEEN @today AND date(@today, '+60 days')
UNION ALL SELECT 'caseload', p.person_id, @monthEnd FROM periods p JOIN roles r ON r.code = p.role_code
  WHERE r.kind = 'case_manager' AND p.start_date <= @monthEnd AND (p.end_date IS NULL OR p.end_date >= @monthEnd)
  AND NOT EXISTS (SELECT 1 FROM caseloads c WHERE c.person_id = p.person_id AND c.month_end = @monthEnd)`;

export function homeFloor(raw: Database.Database, today: string, nextRef: string, rocYear: number, required: number, target: number) {
  const monthEnd = new Date(Date.UTC(Number(today.slice(0, 4)), Number(today.slice(5, 7)) - 1, 0)).toISOString().slice(0, 10);
  const retention = retentionFloor(raw, today, nextRef);
  const supervision = supervisionFloor(raw, today);
  const headcount = headcountFloor(raw, rocYear, today);
  const training = trainingFloor(raw, rocYear, today, today);
  const volunteers = volunteersFloor(raw, rocYear, today, required, target);
  const reminders = raw.prepare(REMINDER_SQL).all({ today, monthEnd });
  return { retention, supervision, headcount, training, volunteers, reminders };
}

const pct = (r: number | null) => (r == null ? '—' : `${(Math.round(r * 1000) / 10).toFixed(1)}%`);

export async function benchHomeAndTrend(ctx: { backend: Backend; raw: Database.Database; reps: number; add: Add; agree: (what: string, same: boolean) => void; today: string; rocYear: number }): Promise<void> {
  const { backend, raw, reps, add, agree, today, rocYear } = ctx;
  {
    const o = await ok(backend, 'retention.trend', { end: today, months: 12 });
    agree('retention.trend', JSON.stringify(o) === JSON.stringify(trendFloor(raw, today, 12)));
    const { ours, floor } = await timePair(() => ok(backend, 'retention.trend', { end: today, months: 12 }), () => trendFloor(raw, today, 12), { reps, warmup: 2 });
    add('retention.trend (12 month ends)', median(ours), median(floor), '≤ 2× floor', (_o, r) => r! <= 2);
  }
  {
    const o = await ok(backend, 'dashboard.home', { today });
    const v = await ok(backend, 'volunteers.year', { rocYear, date: today });
    const f = homeFloor(raw, today, o.nextRefDate, rocYear, v.required, v.target);
    const tile = (key: string) => o.tiles.find((t: { key: string }) => t.key === key)?.value;
    const r = f.retention;
    const level3 = f.training.figures.level3;
    agree(
      'dashboard.home tiles',
      tile('retentionShort') === pct(r.denominator ? r.countShort / r.denominator : null) &&
        tile('retentionLong') === pct(r.denominator ? r.countLong / r.denominator : null) &&
        tile('level3') === pct(level3.rate) &&
        tile('volunteers') === pct(f.volunteers.rate),
    );
    const { ours, floor } = await timePair(
      () => ok(backend, 'dashboard.home', { today }),
      () => homeFloor(raw, today, o.nextRefDate, rocYear, v.required, v.target),
      { reps, warmup: 2 },
    );
    add('dashboard.home (six figures + reminders)', median(ours), median(floor), '≤ 2× floor', (_o, ratio) => ratio! <= 2);
  }
}
