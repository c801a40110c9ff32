// Loads what each ministry form needs by calling the figures' own services (roster, caseload, headcount, retention)
// and hands it to the pure builders in shared/domain. Nothing here computes a figure.
import type { z } from 'zod';
import type { exportOptions } from '../../shared/api/exports';
import { addDays, addMonths } from '../../shared/dates/roc';
import { optionIssue, quotaIssue, registerIssues, trainingIssue, type QualityIssue } from '../../shared/domain/dataQuality';
import { rosterAt } from '../../shared/domain/employment';
import { headcountSheet } from '../../shared/domain/headcountForm';
import { buildIndicatorRows, dedicatedStaffFindings, INDICATOR_INTERPRETATION, INDICATOR_NOTES } from '../../shared/domain/indicators';
import { indicatorSheet } from '../../shared/domain/indicatorSheet';
import { referenceDate } from '../../shared/domain/planParams';
import { buildRegisterRows, PLAN_KINDS } from '../../shared/domain/register';
import { registerSheet, type RegisterMeta } from '../../shared/domain/registerSheet';
import { staffingFigures, staffingParagraph } from '../../shared/domain/staffingText';
import type { Db } from '../db/connection';
import * as leavesQ from '../db/queries/leaves';
import * as peopleQ from '../db/queries/people';
import * as periodsQ from '../db/queries/periods';
import { getInputs } from '../db/queries/orgChart';
import { getQuota, paramsForYear } from '../db/queries/planYears';
import * as rolesQ from '../db/queries/roles';
import { caseloadCellsAt } from './caseloads';
import { loadEmploymentBetween } from './employmentData';
import { headcountYear } from './headcount';
import { dedicatedStaffData } from './orgChart';
import { retentionAt } from './retention';
import { noTrainingData, type TrainingSource } from './exportTraining';
import { officeSettings } from './settings';

export type ExportOptions = z.output<typeof exportOptions>;

export function refDateOf(db: Db, o: Pick<ExportOptions, 'rocYear' | 'half'>): string {
  return referenceDate(o.rocYear, o.half, paramsForYear(db, o.rocYear).params);
}

const monthEndOf = (d: string) => addDays(addMonths(`${d.slice(0, 7)}-01`, 1), -1);

export function registerData(db: Db, o: ExportOptions, today: string) {
  const refDate = refDateOf(db, o);
  // the register lists whoever held a post from 1 January to the reference date: nobody else's rows are needed, and
  // of theirs only the plan-role periods and the columns the form prints
  const from = `${refDate.slice(0, 4)}-01-01`;
  const roles = rolesQ.listRoles(db);
  const periods = periodsQ.listPostsInKindsOfPeopleActiveBetween(db, PLAN_KINDS, from, refDate);
  const leaves = leavesQ.listLeavesOfPeopleActiveBetween(db, from, refDate);
  // whole histories of everyone in the register: enough to tell who of them is in post at the month end
  const caseloads = caseloadCellsAt(db, monthEndOf(refDate), { periods, leaves, roles });
  const people = peopleQ.listProfilesActiveBetween(db, from, refDate);
  const rows = buildRegisterRows({ rocYear: o.rocYear, refDate, people, periods, leaves, roles, caseloads });
  const meta: RegisterMeta = { rocYear: o.rocYear, half: o.half, refDate, filledOn: o.filledOn ?? today };
  return { rows, meta, sheet: registerSheet(rows, meta) };
}

export function staffingData(db: Db, o: ExportOptions) {
  const refDate = refDateOf(db, o);
  const headcount = headcountYear(db, o.rocYear, refDate);
  // 前已聘任 and 尚在職 both look only at 1 January .. the reference date
  const data = loadEmploymentBetween(db, `${refDate.slice(0, 4)}-01-01`, refDate);
  const figures = staffingFigures({ refDate, quota: headcount.quota, periods: data.periods, roles: data.roles, roster: rosterAt(refDate, data.periods, data.leaves) });
  return { refDate, figures, text: staffingParagraph(figures, { refDate, annex: o.annex ?? '五' }) };
}

export function indicatorData(db: Db, o: ExportOptions, training: TrainingSource = noTrainingData) {
  const refDate = refDateOf(db, o);
  const retention = retentionAt(db, refDate);
  const dedicated = dedicatedStaffData(db, o.rocYear, refDate);
  const rows = buildIndicatorRows({
    refDate,
    retention,
    chart: dedicated.chart,
    staffInPost: dedicated.staffInPost,
    inputs: getInputs(db, o.rocYear),
    volunteerCE: training.volunteerCE(db, o.rocYear, refDate),
    overrides: o.progress,
  });
  const interpretation = [...INDICATOR_INTERPRETATION, ...retention.interpretation];
  const sheet = indicatorSheet(rows, { rocYear: o.rocYear, half: o.half, refDate, chart: dedicated.chart, leads: dedicated.leads, notes: INDICATOR_NOTES });
  return { refDate, rows, interpretation, chart: dedicated.chart, chartYear: dedicated.sourceYear, leads: dedicated.leads, sheet };
}

export function headcountData(db: Db, o: ExportOptions, training: TrainingSource = noTrainingData) {
  const refDate = refDateOf(db, o);
  const h = headcountYear(db, o.rocYear, refDate);
  const inPost = (code: string) => h.rows.find((r) => r.roleCode === code)?.inPost ?? 0;
  const notes = [
    ...h.interpretation,
    `依附件七註之原則：資深個管上限 ${h.seniorCap} 人${h.seniorOverCap ? '（在職超過上限）' : ''}；專管可聘 ${h.pmAllowance} 人${h.pmOverAllowance ? '（在職超過）' : ''}。`,
  ];
  const staffRates = training.staffRates(db, o.rocYear, refDate);
  notes.push(
    staffRates
      ? `Level 1／2 參訓率取自「訓練」頁（${o.rocYear} 年度，以基準日在職者計）；專管無分級訓練基準，不列。`
      : 'Level 1／2 參訓率：尚無訓練紀錄，留白。',
  );
  if (!staffRates || Object.values(staffRates).every((r) => !r?.internship)) notes.push('見習率（在職人員完成見習之比率）：人力簿未記錄人員之見習，留白；「實(見)習」頁之見習為合作學校學生，不計入。');
  const sheet = headcountSheet({
    rocYear: o.rocYear,
    refDate,
    county: o.county || officeSettings(db).office.county || null,
    avgCaseload: o.avgCaseload ?? null,
    quota: h.quota,
    inPost: { CM: inPost('CM'), SCM: inPost('SCM'), SUP: inPost('SUP'), PM: inPost('PM') },
    training: staffRates,
    notes,
  });
  return { refDate, sheet };
}

/** Everything the four forms need and the data lacks, for the options given. */
export function qualityCheck(db: Db, o: ExportOptions, today: string, training: TrainingSource = noTrainingData): { refDate: string; issues: QualityIssue[] } {
  const { rows, meta } = registerData(db, o, today);
  const issues = registerIssues(rows, meta.refDate);
  if (!getQuota(db, o.rocYear)) issues.push(quotaIssue(o.rocYear));
  const dedicated = dedicatedStaffData(db, o.rocYear, meta.refDate);
  for (const f of dedicatedStaffFindings(o.rocYear, dedicated.chart, dedicated.leads, getInputs(db, o.rocYear))) {
    issues.push(trainingIssue(f.field, f.message, ['indicators'], '/settings/office'));
  }
  if (!training.volunteerCE(db, o.rocYear, meta.refDate)) {
    issues.push(trainingIssue('志工繼續教育涵蓋率', `${o.rocYear} 年度沒有志工服務紀錄：衡量指標之志工繼續教育涵蓋率將空白`, ['indicators'], '/volunteers'));
  }
  const rates = training.staffRates(db, o.rocYear, meta.refDate);
  if (!rates) issues.push(trainingIssue('Level 1／2 參訓率', '沒有訓練紀錄：人力進用表之 Level 1／2 參訓率將空白', ['headcount'], '/training'));
  if (!rates || Object.values(rates).every((r) => !r?.internship)) {
    issues.push(trainingIssue('見習率', '人力簿未記錄在職人員之見習（「實(見)習」頁為學校學生，不計入）：人力進用表之見習率將空白', ['headcount'], null));
  }
  if (!o.county && !officeSettings(db).office.county) issues.push(optionIssue('縣市', '未填縣市名稱（可在「單位設定」登錄）：人力配置表（附件七）之縣市欄將空白'));
  if (o.avgCaseload == null) issues.push(optionIssue('每日平均在案量', '未填前四年每日平均在案量（部核定資料）：人力配置表該欄將空白'));
  return { refDate: meta.refDate, issues };
}

