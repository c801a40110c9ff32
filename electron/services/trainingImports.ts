// The four imports of the training area, each: read → pure row parser (shared/domain) → match people or volunteers →
// preview; commit writes everything in one transaction or, with any error, nothing (like the roster import).
import type { Output } from '../../shared/api/contract';
import { formatRoc, rocYear } from '../../shared/dates/roc';
import { formatSpan } from '../../shared/domain/employment';
import type { ImportIssue } from '../../shared/domain/importRows';
import { parseAttendanceRows, parseCaseReportRows } from '../../shared/domain/trainingImport';
import { LEVEL_LABELS } from '../../shared/domain/trainingParams';
import { parseVolunteerHourRows, parseVolunteerRows } from '../../shared/domain/volunteerImport';
import { servingOn } from '../../shared/domain/volunteers';
import { auditEvent } from '../db/audit';
import type { Db } from '../db/connection';
import * as trainingQ from '../db/queries/training';
import * as volQ from '../db/queries/volunteers';
import type { Table } from '../import/readTable';
import { templateDownload, TEMPLATES, type TemplateSpec } from '../import/trainingTemplates';
import type { ServiceContext } from './context';
import { commitFresh, readingOf, readUpload, refuseUnreadable, sortIssues, type Upload } from './importReading';
import { backupBeforeImport } from './imports';
import { matchPerson } from './personMatch';
import { trainingParamsFor } from './trainingStaff';
import { applyHonourColumns } from './volunteerHonours';
import { matchVolunteer, periodProblems } from './volunteers';
import type { HandlerTable } from './handlerTable';

type Preview = Output<'import.training.preview'>;
type RecordRow = Preview['records'][number];
interface Analysis {
  errors: ImportIssue[];
  records: RecordRow[];
  summary: string;
  apply: () => void;
}
type Analyse = (db: Db, table: Table) => Analysis;

const notFound = (row: number, message: string): ImportIssue => ({ row, field: '姓名', message: `第 ${row} 列：${message}` });
const tally = (records: RecordRow[]) => `新增 ${records.filter((r) => r.action === 'create').length}、更新 ${records.filter((r) => r.action === 'update').length}`;

const attendance: Analyse = (db, table) => {
  const { courses, issues } = parseAttendanceRows(table.headers, table.rows, (y) => trainingParamsFor(db, y).params);
  const errors = [...issues];
  const records: RecordRow[] = [];
  const plans = courses.map((c) => {
    const existing = trainingQ.findCourse(db, c.name, c.heldOn, c.provider, c.topic);
    const had = new Set(existing ? trainingQ.attendanceOfCourse(db, existing.id).map((a) => a.personId) : []);
    const people = new Map<number, number>();
    const attendees = c.attendees.flatMap((a) => {
      const { person, issue } = matchPerson(db, a);
      if (!person) return errors.push(notFound(a.row, issue ?? `找不到人員「${a.name}」，請先匯入名冊`)), [];
      if (people.has(person.id)) return errors.push(notFound(a.row, `與第 ${people.get(person.id)} 列為同一人同一課程`)), [];
      people.set(person.id, a.row);
      const detail = `${c.name}（${formatRoc(c.heldOn)}，${LEVEL_LABELS[c.level]}${c.topic ? `・${c.topic}` : ''}）${a.hours} 小時`;
      records.push({ row: a.row, name: person.name, action: had.has(person.id) ? 'update' : 'create', detail });
      return [{ personId: person.id, hours: a.hours, certificateNo: a.certificateNo }];
    });
    return { c, existing, attendees };
  });
  const newCourses = plans.filter((p) => !p.existing).length;
  return {
    errors,
    records,
    summary: `課程 ${courses.length} 門（新增 ${newCourses}、既有 ${courses.length - newCourses}），出席 ${records.length} 人次（${tally(records)}）`,
    apply: () => {
      for (const { c, existing, attendees } of plans) {
        const fields = { name: c.name, heldOn: c.heldOn, provider: c.provider, level: c.level, topic: c.topic, approvalDoc: c.approvalDoc, note: existing?.note ?? null };
        const courseId = existing?.id ?? trainingQ.insertCourse(db, { ...fields, hours: c.hours });
        if (existing) trainingQ.updateCourse(db, existing.id, { ...fields, hours: Math.max(existing.hours, c.hours) });
        attendees.forEach((a) => trainingQ.upsertAttendance(db, { ...a, courseId }));
      }
    },
  };
};

const caseReports: Analyse = (db, table) => {
  const { lines, issues } = parseCaseReportRows(table.headers, table.rows);
  const errors = [...issues];
  const records: RecordRow[] = [];
  const plans = lines.flatMap((l) => {
    const { person, issue } = matchPerson(db, l);
    if (!person) return errors.push(notFound(l.row, issue ?? `找不到人員「${l.name}」，請先匯入名冊`)), [];
    const existing = trainingQ.findCaseReport(db, person.id, l.presentedOn, l.title);
    records.push({ row: l.row, name: person.name, action: existing ? 'update' : 'create', detail: `${formatRoc(l.presentedOn)}「${l.title}」→ ${l.meeting}` });
    return [{ id: existing?.id ?? null, report: { personId: person.id, presentedOn: l.presentedOn, title: l.title, meeting: l.meeting } }];
  });
  return {
    errors,
    records,
    summary: `個案報告 ${records.length} 篇（${tally(records)}）`,
    apply: () => plans.forEach((p) => trainingQ.saveCaseReport(db, p.id, p.report)),
  };
};

const volunteers: Analyse = (db, table) => {
  const { volunteers: list, issues } = parseVolunteerRows(table.headers, table.rows);
  const errors = [...issues];
  const records: RecordRow[] = [];
  const plans = list.flatMap((v) => {
    const { volunteer, issue } = matchVolunteer(db, v);
    if (issue) return errors.push(notFound(v.rows[0], issue)), [];
    const starts = new Set(v.periods.map((p) => p.startDate));
    const kept = volunteer ? volQ.listPeriods(db, volunteer.id).filter((p) => !starts.has(p.startDate)) : [];
    const problems = periodProblems([...kept, ...v.periods]);
    if (problems.length) return errors.push({ row: v.rows[0], field: '服務起', message: `第 ${v.rows[0]} 列「${v.name}」：${problems.join('；')}` }), [];
    v.periods.forEach((p) => records.push({ row: p.row, name: v.name, action: volunteer ? 'update' : 'create', detail: `${p.role} ${formatSpan(p)}` }));
    return [{ v, volunteer }];
  });
  return {
    errors,
    records,
    summary: `志工 ${plans.length} 人（新增 ${plans.filter((p) => !p.volunteer).length}、更新 ${plans.filter((p) => p.volunteer).length}），服務期間 ${records.length} 段`,
    apply: () => {
      for (const { v, volunteer } of plans) {
        const fields = {
          name: v.name,
          nationalId: v.nationalId ?? volunteer?.nationalId ?? null,
          contact: volunteer?.contact ?? null,
          basicTrainingOn: v.basicTrainingOn ?? volunteer?.basicTrainingOn ?? null,
          specialTrainingOn: v.specialTrainingOn ?? volunteer?.specialTrainingOn ?? null,
        };
        const id = volunteer?.id ?? volQ.insertVolunteer(db, fields);
        if (volunteer) volQ.updateVolunteer(db, id, fields);
        const old = new Map(volQ.listPeriods(db, id).map((p) => [p.startDate, p.id]));
        v.periods.forEach(({ row: _r, ...p }) => volQ.savePeriod(db, old.get(p.startDate) ?? null, { ...p, volunteerId: id }));
        applyHonourColumns(db, id, v);
      }
    },
  };
};

const volunteerHours: Analyse = (db, table) => {
  const { lines, issues } = parseVolunteerHourRows(table.headers, table.rows);
  const errors = [...issues];
  const records: RecordRow[] = [];
  const seen = new Map<string, number>();
  const plans = lines.flatMap((l) => {
    const { volunteer, issue } = matchVolunteer(db, l);
    if (!volunteer) return errors.push(notFound(l.row, issue ?? `找不到志工「${l.name}」，請先匯入志工名冊`)), [];
    if (!servingOn({ periods: volQ.listPeriods(db, volunteer.id) }, l.workedOn)) {
      return errors.push({ row: l.row, field: '日期', message: `第 ${l.row} 列「日期」：${formatRoc(l.workedOn)} 不在 ${volunteer.name} 的服務期間內` }), [];
    }
    const key = `${volunteer.id}|${l.workedOn}|${l.kind}`;
    if (seen.has(key)) return errors.push({ row: l.row, field: '日期', message: `第 ${l.row} 列：與第 ${seen.get(key)} 列為同一志工同日同類別` }), [];
    seen.set(key, l.row);
    const existing = volQ.findHour(db, volunteer.id, l.workedOn, l.kind);
    records.push({ row: l.row, name: volunteer.name, action: existing ? 'update' : 'create', detail: `${formatRoc(l.workedOn)} ${l.kind} ${l.hours} 小時` });
    return [{ id: existing?.id ?? null, hour: { volunteerId: volunteer.id, workedOn: l.workedOn, kind: l.kind, hours: l.hours, note: l.note } }];
  });
  const years = [...new Set(plans.map((p) => rocYear(p.hour.workedOn)))].sort();
  return {
    errors,
    records,
    summary: `時數 ${records.length} 筆（${tally(records)}）${years.length ? `，年度 ${years.join('、')}` : ''}`,
    apply: () => plans.forEach((p) => volQ.saveHour(db, p.id, p.hour)),
  };
};

function previewOf(fileName: string, table: Table, a: Analysis): Preview {
  return { fileName, reading: readingOf(table), rowCount: table.rows.length, errors: sortIssues(table.issues.length ? [...table.issues] : a.errors), records: a.records, summary: a.summary };
}

/** template / preview / commit handlers for one import. */
function handlersFor<P extends string>(prefix: P, spec: TemplateSpec, analyse: Analyse) {
  const plan = (db: Db, table: Table) => (table.issues.length ? { errors: table.issues, records: [], summary: '', apply: () => {} } : analyse(db, table));
  return {
    [`import.${prefix}.template`]: () => templateDownload(spec),
    [`import.${prefix}.preview`]: async (input: Upload, { db }: ServiceContext): Promise<Preview> => {
      const table = await readUpload(input, spec.fields);
      return previewOf(input.fileName, table, plan(db, table));
    },
    [`import.${prefix}.commit`]: async (input: Upload, { db, system, actor }: ServiceContext): Promise<Preview> => {
      const table = await readUpload(input, spec.fields);
      refuseUnreadable(table);
      const done = await commitFresh(
        db,
        () => plan(db, table),
        () => backupBeforeImport(db, system),
        (a) => {
          a.apply();
          auditEvent(db, actor(), 'import', `${spec.sheet} ${input.fileName}：${a.summary}`);
        },
      );
      return previewOf(input.fileName, table, done);
    },
  } as { [K in `import.${P}.template`]: () => Promise<Output<'import.training.template'>> } & {
    [K in `import.${P}.${'preview' | 'commit'}`]: (input: Upload, ctx: ServiceContext) => Promise<Preview>;
  };
}

export const trainingImportHandlers = {
  ...handlersFor('training', TEMPLATES.training, attendance),
  ...handlersFor('caseReports', TEMPLATES.caseReports, caseReports),
  ...handlersFor('volunteers', TEMPLATES.volunteers, volunteers),
  ...handlersFor('volunteerHours', TEMPLATES.volunteerHours, volunteerHours),
} satisfies HandlerTable;
