// What the ministry's forms need and the data lacks, each tied to the record to fix. Exporting anyway leaves those
// cells blank (never guessed), so this list is also the list of blanks in the files.
import { formatRoc, type IsoDate } from '../dates/roc';
import type { RegisterRow } from './register';

export type QualityForm = 'register' | 'staffingText' | 'indicators' | 'headcount';

export interface QualityIssue {
  forms: QualityForm[];
  personId: number | null;
  name: string | null;
  /** the form's column or figure that will be blank */
  field: string;
  message: string;
  /** app route where it is fixed (/people/:id, /caseload?monthEnd=…, /settings/plan-year?year=…); null: an export option */
  link: string | null;
}

const person = (r: RegisterRow, field: string, message: string, forms: QualityForm[] = ['register']): QualityIssue => ({
  forms,
  personId: r.personId,
  name: r.name,
  field,
  message,
  link: `/people/${r.personId}`,
});

export function registerIssues(rows: readonly RegisterRow[], refDate: IsoDate): QualityIssue[] {
  const out: QualityIssue[] = [];
  const seen = new Set<string>();
  const add = (i: QualityIssue) => {
    const key = `${i.personId}:${i.field}`;
    if (!seen.has(key)) out.push(i), seen.add(key);
  };
  const month = +refDate.slice(5, 7);
  for (const r of rows) {
    if (!r.education) add(person(r, '學歷(科系)', '未填學歷'));
    else if (!r.department) add(person(r, '學歷(科系)', '未填科系（清冊只列學歷）'));
    if (!r.businessGroup) {
      const forms: QualityForm[] = r.funding === '自有' ? ['register', 'staffingText', 'indicators'] : ['register'];
      add(person(r, '係屬業務組別', '任職期間未填業務組', forms));
    }
    if (!r.adminUnit) add(person(r, '所屬行政單位(局處)', '任職期間未填所屬行政單位（局處）'));
    if (!r.title) add(person(r, '職稱', '機關自有專責人力未填職稱'));
    const inPostAtRef = r.end == null || r.end >= refDate;
    if (r.caseload && inPostAtRef && (r.caseload.cumulative == null || r.caseload.active == null)) {
      // fixed on the caseload page for that month end; the name still links to the person
      add({ ...person(r, '個案管理及案量', `缺 ${formatRoc(refDate)}（${month}月底）案量紀錄`), link: `/caseload?monthEnd=${refDate}` });
    }
  }
  return out;
}

export function quotaIssue(rocYear: number): QualityIssue {
  return {
    forms: ['staffingText', 'headcount'],
    personId: null,
    name: null,
    field: '核定員額',
    message: `尚未登錄 ${rocYear} 年度核定（補助）員額：人力運用情形之補助人數與人力配置表之核定員額將空白`,
    link: `/settings/plan-year?year=${rocYear}`,
  };
}

/** A training or volunteer figure the training records cannot give: its cells stay blank. */
export function trainingIssue(field: string, message: string, forms: QualityForm[], link: string | null): QualityIssue {
  return { forms, personId: null, name: null, field, message, link };
}

export function optionIssue(field: string, message: string): QualityIssue {
  return { forms: ['headcount'], personId: null, name: null, field, message, link: null };
}
