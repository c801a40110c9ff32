// How audit rows read to a person: Chinese names for tables and actions, and only the fields that changed.
export const ENTITY_LABELS: Record<string, string> = {
  people: '人員',
  periods: '任職期間',
  leaves: '留職停薪',
  caseloads: '案量',
  supervision_assignments: '督導指派',
  quotas: '核定員額',
  plan_years: '年度參數',
  roles: '職稱',
  training_courses: '訓練課程',
  training_attendance: '參訓紀錄',
  training_params: '訓練期限',
  case_reports: '個案報告',
  volunteers: '志工',
  volunteer_periods: '志工服務期間',
  volunteer_hours: '志工時數',
  volunteer_evaluations: '志工考核',
  partner_schools: '合作學校',
  interns: '實(見)習生',
  accounts: '帳號',
  settings: '設定',
  org_chart: '組織架構',
  indicator_inputs: '衡量指標填報值',
};

export const ACTION_LABELS: Record<string, string> = {
  insert: '新增',
  update: '修改',
  delete: '刪除',
  import: '匯入',
  backup: '備份',
  restore: '還原',
  export: '匯出',
  login: '登入',
  encrypt: '啟用加密',
  rekey: '更換金鑰',
  decrypt: '關閉加密',
  submit: '送出報表包',
};

type Change = Record<string, unknown> | null;

const show = (v: unknown) => (v == null || v === '' ? '（空）' : String(v));

/** `education: 大學 → 碩士; ...` for updates; the whole row for inserts and deletes. */
export function describeChange(before: Change, after: Change, detail: string | null): string {
  if (detail) return detail;
  if (before && after) {
    const keys = Object.keys(after).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
    return keys.length ? keys.map((k) => `${k}: ${show(before[k])} → ${show(after[k])}`).join('；') : '（無欄位變動）';
  }
  const row = after ?? before ?? {};
  return Object.entries(row)
    .filter(([, v]) => v != null && v !== '')
    .map(([k, v]) => `${k}: ${v}`)
    .join('；');
}

/** UTC timestamps from SQLite shown in the clerk's local time. */
export function localTime(at: string): string {
  const d = new Date(at);
  return Number.isNaN(d.getTime()) ? at : d.toLocaleString('zh-TW', { hour12: false });
}
