// Import templates for staff training: attendance sheets (one row per attendee; rows with the same 課程名稱 + 日期 +
// 訓練機關 + 課程主題 are one session) and 個案報告. Pure row parsing; matching people is the service's job.
import { rocYear, type IsoDate } from '../dates/roc';
import { fieldsOf } from './importColumns';
import { checkHeaders, readLines, readWho, requiredDate, rowReader, whoKey, type ImportIssue, type RawRow } from './importRows';
import { findTopic, LEVEL_LABELS, parseLevel, type TrainingLevel, type TrainingParams } from './trainingParams';

export const ATTENDANCE_TEMPLATE_HEADERS = ['姓名', '身分證字號', '課程名稱', '訓練層級', '課程主題', '日期', '時數', '訓練機關', '核定文號'] as const;
/** Optional extra column: the attendee's own 研習證明 number. */
export const CERTIFICATE_HEADER = '證書字號';
export const CASE_REPORT_TEMPLATE_HEADERS = ['姓名', '身分證字號', '日期', '題目', '外部督導會議'] as const;
export const ATTENDANCE_FIELDS = fieldsOf('訓練出席', [...ATTENDANCE_TEMPLATE_HEADERS, CERTIFICATE_HEADER], ['姓名', '課程名稱', '訓練層級', '日期', '時數']);
export const CASE_REPORT_FIELDS = fieldsOf('個案報告', CASE_REPORT_TEMPLATE_HEADERS, ['姓名', '日期', '題目', '外部督導會議']);

export interface AttendanceLine {
  row: number;
  name: string;
  nationalId: string | null;
  hours: number;
  certificateNo: string | null;
}

export interface ImportedCourse {
  name: string;
  heldOn: IsoDate;
  provider: string;
  level: TrainingLevel;
  topic: string | null;
  approvalDoc: string | null;
  /** the longest attendance: the course's own length */
  hours: number;
  rows: number[];
  attendees: AttendanceLine[];
}

export function parseAttendanceRows(
  headers: string[],
  rows: RawRow[],
  paramsFor: (rocYear: number) => TrainingParams,
): { courses: ImportedCourse[]; issues: ImportIssue[] } {
  const issues = checkHeaders(headers, ATTENDANCE_FIELDS);
  if (issues.length) return { courses: [], issues };
  const courses = new Map<string, ImportedCourse>();
  const seen = new Map<string, number>();
  for (const raw of rows) {
    const r = rowReader(raw, issues);
    const before = issues.length;
    const who = readWho(r);
    const name = r.text('課程名稱');
    if (!name) r.fail('課程名稱', '不可空白');
    const levelText = r.code('訓練層級');
    const level = parseLevel(levelText);
    if (!level) r.fail('訓練層級', levelText ? `「${levelText}」不是 L1、L2、L3、督導L1、督導L2、督導L3 或 其他` : '不可空白');
    const heldOn = requiredDate(r, '日期');
    const hours = r.hours('時數');
    const provider = r.text('訓練機關');
    const approvalDoc = r.optionalCode('核定文號');
    let topic: string | null = r.optional('課程主題');
    if (level && heldOn) {
      const rule = level === 'OTHER' ? undefined : paramsFor(rocYear(heldOn)).levels[level];
      if (rule?.topics) {
        const found = topic ? findTopic(rule, topic) : undefined;
        if (!found) r.fail('課程主題', `${LEVEL_LABELS[level]} 課程須填其主題之一：${rule.topics.map((t) => t.name).join('、')}${topic ? `（「${topic}」不在其中）` : ''}`);
        topic = found?.name ?? null;
      }
      if (rule?.certifiedOnly && !approvalDoc) r.fail('核定文號', `${LEVEL_LABELS[level]} 課程須有衛福部核定公文日期及文號`);
    }
    if (issues.length > before) continue;
    // one session of a course: Level 2's topics are sessions of one course, often on one date, each a row per person
    const key = `${name}|${heldOn}|${provider}|${topic ?? ''}`;
    let course = courses.get(key);
    if (!course) {
      course = { name, heldOn: heldOn!, provider, level: level!, topic, approvalDoc, hours: hours!, rows: [], attendees: [] };
      courses.set(key, course);
    } else {
      const first = course.rows[0];
      if (course.level !== level) r.fail('訓練層級', `與第 ${first} 列為同一課程，訓練層級應相同`);
      else if ((course.approvalDoc ?? '') !== (approvalDoc ?? '')) r.fail('核定文號', `與第 ${first} 列為同一課程，核定文號應相同`);
      if (issues.length > before) continue;
    }
    const dupKey = `${key}|${whoKey(who)}`;
    if (seen.has(dupKey)) {
      r.fail('姓名', `與第 ${seen.get(dupKey)} 列為同一人同一課程`);
      continue;
    }
    seen.set(dupKey, r.row);
    course.rows.push(r.row);
    course.hours = Math.max(course.hours, hours!);
    course.attendees.push({ row: r.row, ...who, hours: hours!, certificateNo: r.optionalCode(CERTIFICATE_HEADER) });
  }
  return { courses: [...courses.values()], issues };
}

export interface CaseReportLine {
  row: number;
  name: string;
  nationalId: string | null;
  presentedOn: IsoDate;
  title: string;
  meeting: string;
}

export function parseCaseReportRows(headers: string[], rows: RawRow[]): { lines: CaseReportLine[]; issues: ImportIssue[] } {
  return readLines(headers, rows, CASE_REPORT_FIELDS, { field: '題目', message: (first) => `與第 ${first} 列重複` }, (r) => {
    const who = readWho(r);
    const presentedOn = requiredDate(r, '日期');
    const title = r.text('題目');
    if (!title) r.fail('題目', '不可空白');
    const meeting = r.text('外部督導會議');
    if (!meeting) r.fail('外部督導會議', '不可空白（個案報告須提報至外部督導會議）');
    return { key: `${whoKey(who)}|${presentedOn}|${title}`, line: { row: r.row, ...who, presentedOn: presentedOn!, title, meeting } };
  });
}
