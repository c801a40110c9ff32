// Roster import: read → validate rows (shared/domain) → match people in the database → preview, or write it all in
// one transaction. A file with any error writes nothing.
import type { Output } from '../../shared/api/contract';
import { lookupWord, END_REASON_WORDS, FUNDING_WORDS } from '../../shared/domain/importValues';
import { parseRosterRows, roleOfText, ROSTER_FIELDS, timelineIssues, type ImportedPerson, type ImportIssue } from '../../shared/domain/rosterImport';
import type { Role } from '../../shared/domain/types';
import type { Person } from '../../shared/domain/types';
import type { Db } from '../db/connection';
import * as leavesQ from '../db/queries/leaves';
import * as peopleQ from '../db/queries/people';
import * as periodsQ from '../db/queries/periods';
import * as rolesQ from '../db/queries/roles';
import { auditEvent, withBulkInsertAudit } from '../db/audit';
import type { Table } from '../import/readTable';
import { rosterTemplateXlsx } from '../import/rosterTemplate';
import { XLSX_MIME } from '../import/template';
import type { SystemOps } from './context';
import { commitFresh, readingOf, readUpload, refuseUnreadable, sortIssues, type Interpret } from './importReading';
import { matchPerson } from './personMatch';
import type { HandlerTable } from './handlerTable';

type Preview = Output<'import.roster.preview'>;
interface Planned {
  imported: ImportedPerson;
  existing: Person | null;
}

/** Existing periods/leaves with the same start date are the same record, updated by the file (so re-import is idempotent). */
function mergedTimeline(db: Db, plan: Planned) {
  const { imported, existing } = plan;
  const starts = new Set(imported.periods.map((p) => p.startDate));
  const leaveStarts = new Set(imported.leaves.map((l) => l.startDate));
  const periods = [...(existing ? periodsQ.periodsOfPerson(db, existing.id).filter((p) => !starts.has(p.startDate)) : []), ...imported.periods];
  const leaves = [...(existing ? leavesQ.leavesOfPerson(db, existing.id).filter((l) => !leaveStarts.has(l.startDate)) : []), ...imported.leaves];
  return { periods, leaves };
}

/** The preview's sample in stored terms: 個管員 → 個管, 本部計畫補助人力 → 補助, 辭職 → 離職. */
const rosterInterpret =
  (roles: readonly Role[]): Interpret =>
  (field, value) => {
    if (!value) return undefined;
    if (field === '職稱代碼') return roleOfText(roles, value)?.name;
    if (field === '人力來源') return lookupWord(FUNDING_WORDS, value);
    if (field === '離職原因') return lookupWord(END_REASON_WORDS, value);
    return undefined;
  };

/** The file against the database as it is now: errors, the preview, and the plan to write. Synchronous, so it can run again inside the writing transaction. */
function analyse(db: Db, fileName: string, table: Table): { preview: Preview; plans: Planned[]; errors: ImportIssue[] } {
  const roles = rolesQ.listRoles(db);
  const { people, issues } = table.issues.length ? { people: [], issues: table.issues } : parseRosterRows(table.rows, roles);
  const errors: ImportIssue[] = [...issues];
  const plans: Planned[] = [];
  for (const imported of people) {
    const { person, issue } = matchPerson(db, imported);
    if (issue) {
      errors.push({ row: imported.rows[0], field: '姓名', message: `第 ${imported.rows[0]} 列：${issue}` });
      continue;
    }
    // Two entries of the file (one with 身分證字號, one without) can resolve to the same person: check them as one.
    const same = person && plans.find((p) => p.existing?.id === person.id);
    if (same) {
      same.imported = { ...same.imported, rows: [...same.imported.rows, ...imported.rows], periods: [...same.imported.periods, ...imported.periods], leaves: [...same.imported.leaves, ...imported.leaves] };
    } else {
      plans.push({ imported, existing: person });
    }
  }
  for (const plan of plans) {
    if (!plan.existing) continue;
    const { periods, leaves } = mergedTimeline(db, plan);
    errors.push(...timelineIssues(plan.imported.name, periods, leaves));
  }
  sortIssues(errors);
  const preview: Preview = {
    fileName,
    reading: readingOf(table, rosterInterpret(roles)),
    rowCount: table.rows.length,
    errors,
    people: plans.map(({ imported, existing }) => ({
      name: imported.name,
      rows: imported.rows,
      action: existing ? 'update' : 'create',
      periods: imported.periods.length,
      leaves: imported.leaves.length,
    })),
    summary: {
      newPeople: plans.filter((p) => !p.existing).length,
      updatedPeople: plans.filter((p) => p.existing).length,
      periods: plans.reduce((n, p) => n + p.imported.periods.length, 0),
      leaves: plans.reduce((n, p) => n + p.imported.leaves.length, 0),
    },
  };
  return { preview, plans, errors };
}

function apply(db: Db, plans: Planned[]): void {
  {
    for (const plan of plans) {
      const { imported, existing } = plan;
      const fields = {
        name: imported.name,
        nationalId: imported.nationalId ?? existing?.nationalId ?? null,
        employeeNo: imported.employeeNo ?? existing?.employeeNo ?? null,
        education: imported.education ?? existing?.education ?? null,
        department: imported.department ?? existing?.department ?? null,
        certificate: imported.certificate ?? existing?.certificate ?? null,
        contact: existing?.contact ?? null,
      };
      let personId: number;
      if (existing) {
        personId = existing.id;
        peopleQ.updatePerson(db, personId, fields);
      } else {
        personId = peopleQ.insertPerson(db, fields);
      }
      const oldPeriods = new Map(periodsQ.periodsOfPerson(db, personId).map((p) => [p.startDate, p.id]));
      for (const { row: _row, ...p } of imported.periods) {
        const id = oldPeriods.get(p.startDate);
        if (id) periodsQ.updatePeriod(db, id, { ...p, personId });
        else periodsQ.insertPeriod(db, { ...p, personId });
      }
      const oldLeaves = new Map(leavesQ.leavesOfPerson(db, personId).map((l) => [l.startDate, l.id]));
      for (const { row: _row, ...l } of imported.leaves) {
        const id = oldLeaves.get(l.startDate);
        if (id) leavesQ.updateLeave(db, id, l);
        else leavesQ.insertLeave(db, { ...l, personId });
      }
    }
  }
}

/** A copy before every import into a database that already holds people, so a wrong file can be undone. */
export async function backupBeforeImport(db: Db, system: SystemOps): Promise<void> {
  if (peopleQ.hasAnyPerson(db) && system.dbPath !== ':memory:' && !system.damaged()) await system.backup('pre-import');
}

export const importHandlers = {
  'import.roster.template': async () => ({
    fileName: '人員名冊匯入範本.xlsx',
    mimeType: XLSX_MIME,
    contentBase64: (await rosterTemplateXlsx()).toString('base64'),
  }),

  'import.roster.preview': async (input, { db }) =>
    analyse(db, input.fileName, await readUpload(input, ROSTER_FIELDS)).preview,

  'import.roster.commit': async (input, { db, system, actor }) => {
    const table = await readUpload(input, ROSTER_FIELDS);
    refuseUnreadable(table);
    const { preview } = await commitFresh(
      db,
      () => analyse(db, input.fileName, table),
      () => backupBeforeImport(db, system),
      ({ plans, preview: p }) => {
        withBulkInsertAudit(db, ['people', 'periods', 'leaves'], () => apply(db, plans));
        const s = p.summary;
        auditEvent(db, actor(), 'import', `名冊 ${input.fileName}：新增 ${s.newPeople} 人、更新 ${s.updatedPeople} 人、任職期間 ${s.periods} 筆、留職停薪 ${s.leaves} 筆（${p.reading.format === 'csv' ? '' : `工作表「${p.reading.sheet}」，`}標題列第 ${p.reading.headerRow} 列）`);
      },
    );
    return preview;
  },
} satisfies HandlerTable;
