// Month-end caseloads (累計個管案量, 在案案量) per 個管/督導: form entry, import, and load against the 30-case capacity.
import { AppError } from '../../shared/api/errors';
import type { Output } from '../../shared/api/contract';
import { formatRoc } from '../../shared/dates/roc';
import { compareNames } from '../../shared/domain/collation';
import { activeAboveCumulative, CASELOAD_FIELDS, CASELOAD_TEMPLATE_HEADERS, isMonthEnd, parseCaseloadRows } from '../../shared/domain/caseloadImport';
import { postsAt } from '../../shared/domain/employment';
import type { CaseloadCell } from '../../shared/domain/register';
import type { Leave, Period, Role } from '../../shared/domain/types';
import type { ImportIssue } from '../../shared/domain/importRows';
import type { Db } from '../db/connection';
import * as caseQ from '../db/queries/caseloads';
import * as peopleQ from '../db/queries/people';
import { auditEvent } from '../db/audit';
import type { Table } from '../import/readTable';
import { commitFresh, readingOf, readUpload, refuseUnreadable, sortIssues } from './importReading';
import { templateXlsx, XLSX_MIME } from '../import/template';
import { loadPostsOn, paramsOn } from './employmentData';
import { backupBeforeImport } from './imports';
import { matchPerson } from './personMatch';
import type { HandlerTable } from './handlerTable';

type Preview = Output<'import.caseload.preview'>;

/** The 個管 and 督導 in post on a month end — the people a caseload is kept for. `periods` must hold their periods. */
function casePostsAt<P extends Pick<Period, 'personId' | 'roleCode' | 'startDate' | 'endDate'>>(monthEnd: string, periods: readonly P[], leaves: readonly Leave[], roles: readonly Role[]) {
  const kind = new Map(roles.map((r) => [r.code, r.kind]));
  return postsAt(monthEnd, periods, leaves).filter((e) => ['case_manager', 'supervisor'].includes(kind.get(e.period.roleCode) ?? ''));
}

export function caseloadAt(db: Db, monthEnd: string) {
  const data = loadPostsOn(db, monthEnd);
  const capacity = paramsOn(db, monthEnd).caseCapacity;
  const recorded = new Map(caseQ.caseloadsAt(db, monthEnd).map((c) => [c.personId, c]));
  return casePostsAt(monthEnd, data.periods, data.leaves, data.roles)
    .map((e) => {
      const c = recorded.get(e.personId);
      return {
        personId: e.personId,
        name: data.nameOf(e.personId),
        roleName: data.roleName(e.period.roleCode),
        cumulative: c?.cumulative ?? null,
        active: c?.active ?? null,
        capacity,
        load: c ? c.active / capacity : null,
      };
    })
    .sort((a, b) => compareNames(a.name, b.name));
}

/**
 * The month-end numbers by person, for the 個管/督導 in post then — what caseloadAt lists, without names, load or
 * order, and read from period rows the caller already holds (the register has every history it needs).
 */
export function caseloadCellsAt(
  db: Db,
  monthEnd: string,
  rows: { periods: readonly Pick<Period, 'personId' | 'roleCode' | 'startDate' | 'endDate'>[]; leaves: readonly Leave[]; roles: readonly Role[] },
): Map<number, CaseloadCell> {
  const recorded = new Map(caseQ.caseloadsAt(db, monthEnd).map((c) => [c.personId, c]));
  const cells = new Map<number, CaseloadCell>();
  for (const e of casePostsAt(monthEnd, rows.periods, rows.leaves, rows.roles)) {
    const c = recorded.get(e.personId);
    cells.set(e.personId, { cumulative: c?.cumulative ?? null, active: c?.active ?? null });
  }
  return cells;
}

function analyse(db: Db, fileName: string, table: Table) {
  const { lines, issues } = table.issues.length ? { lines: [], issues: table.issues } : parseCaseloadRows(table.headers, table.rows);
  const errors: ImportIssue[] = [...issues];
  const records: (Preview['records'][number] & { personId: number })[] = [];
  for (const line of lines) {
    const { person, issue } = matchPerson(db, line);
    if (!person) {
      errors.push({ row: line.row, field: '姓名', message: `第 ${line.row} 列：${issue ?? `找不到人員「${line.name}」，請先匯入名冊`}` });
      continue;
    }
    const exists = caseQ.caseloadsOfPerson(db, person.id).some((c) => c.monthEnd === line.monthEnd);
    records.push({ row: line.row, name: person.name, personId: person.id, monthEnd: line.monthEnd, cumulative: line.cumulative, active: line.active, action: exists ? 'update' : 'create' });
  }
  sortIssues(errors);
  return { fileName, reading: readingOf(table), rowCount: table.rows.length, errors, records };
}

const strip = (p: ReturnType<typeof analyse>): Preview => ({ ...p, records: p.records.map(({ personId: _id, ...r }) => r) });

const CASELOAD_NOTES: [string, string][] = [
  ['人員比對', '依身分證字號，其次姓名比對名冊中的人員；請先匯入名冊。'],
  ['月底日期', '該月最後一天，可填民國 113/06/30 或西元 2024-06-30。'],
  ['案量', '累計個管案量、在案案量填 0 以上整數；同一人同一月份重複匯入會更新原值。'],
];

export const caseloadHandlers = {
  'import.caseload.template': async () => ({
    fileName: '月底案量匯入範本.xlsx',
    mimeType: XLSX_MIME,
    contentBase64: (await templateXlsx('月底案量', CASELOAD_TEMPLATE_HEADERS, CASELOAD_NOTES, CASELOAD_FIELDS)).toString('base64'),
  }),

  'caseload.at': ({ monthEnd }, { db }) => caseloadAt(db, monthEnd),

  'caseload.record': (input, { db }) => {
    if (!peopleQ.getPerson(db, input.personId)) throw new AppError('NOT_FOUND', '找不到人員');
    if (!isMonthEnd(input.monthEnd)) throw new AppError('VALIDATION', `${formatRoc(input.monthEnd)} 不是月底`, 'monthEnd');
    const swapped = activeAboveCumulative(input.cumulative, input.active);
    if (swapped) throw new AppError('VALIDATION', swapped, 'active');
    caseQ.upsertCaseload(db, input);
    return { saved: true as const };
  },

  'import.caseload.preview': async (input, { db }) =>
    strip(analyse(db, input.fileName, await readUpload(input, CASELOAD_FIELDS))),

  'import.caseload.commit': async (input, { db, system, actor }) => {
    const table = await readUpload(input, CASELOAD_FIELDS);
    refuseUnreadable(table);
    const result = await commitFresh(
      db,
      () => analyse(db, input.fileName, table),
      () => backupBeforeImport(db, system),
      (r) => {
        r.records.forEach((line) => caseQ.upsertCaseload(db, line));
        auditEvent(db, actor(), 'import', `月底案量 ${input.fileName}：${r.records.length} 筆`);
      },
    );
    return strip(result);
  },
} satisfies HandlerTable;
