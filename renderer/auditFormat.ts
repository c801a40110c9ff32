// History in words (issue #15 item 1): one formatter for every audit row, used by 操作紀錄 and a person's 異動紀錄.
// Chinese field names (the one label map), values as the screens show them (職稱 names, ROC dates, local time, masked
// IDs), people and accounts by their display names; bookkeeping columns (ids, timestamps, hashes) are left out.
import { ROLE_LABELS, type AccountRole } from '../shared/api/access';
import { fieldLabel } from '../shared/api/fieldLabels';
import { formatRoc, isIsoDate } from '../shared/dates/roc';
import { maskNationalId } from '../shared/domain/nationalId';
import { rocDateTime } from './format';

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
  volunteer_cards: '志願服務榮譽卡',
  volunteer_awards: '志工績優獎勵',
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
  'login-failed': '登入失敗',
  logout: '登出',
  password: '變更密碼',
  refused: '拒絕',
  preview: '列印預覽',
  reveal: '檢視身分證',
  encrypt: '啟用加密',
  rekey: '更換金鑰',
  decrypt: '關閉加密',
  submit: '送出報表包',
};

/** What the formatter needs to name things; every lookup may miss (a deleted person), and then says so plainly. */
export interface AuditNames {
  roleName: (code: string) => string;
  personName: (id: number) => string | undefined;
  accountName: (username: string) => string | undefined;
}

type Change = Record<string, unknown> | null;
export interface AuditRowLike {
  actor: string;
  before: Change;
  after: Change;
  detail: string | null;
  personName?: string | null;
}

/** columns that are bookkeeping, not something a clerk changed */
const HIDDEN = new Set(['id', 'created_at', 'updated_at', 'password_hash', 'failed_attempts', 'locked_until', 'sort', 'params_json']);
const PERSON_REFS = new Set(['person_id', 'supervisor_id', 'case_manager_id']);

/** One value as the screens show it. */
export function showValue(key: string, v: unknown, names: AuditNames): string {
  if (v == null || v === '') return '（空）';
  if (key === 'national_id') return maskNationalId(String(v));
  if (key === 'role_code') return names.roleName(String(v));
  if (key === 'role' && String(v) in ROLE_LABELS) return ROLE_LABELS[String(v) as AccountRole];
  if (PERSON_REFS.has(key) && typeof v === 'number') return names.personName(v) ?? `（已刪除的人員）`;
  if (key === 'disabled' || key === 'builtin' || key === 'certified_only') return v ? '是' : '否';
  if (typeof v === 'string' && isIsoDate(v)) return formatRoc(v);
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}[T ]\d/.test(v)) return rocDateTime(v);
  if (typeof v === 'object') return '（多項設定）';
  return String(v);
}

const label = (key: string) => fieldLabel(key) ?? key.replace(/_/g, ' ');
// a reference the formatter cannot name (a school, a course by its number) says nothing to a clerk: left out
const visible = (key: string) => !HIDDEN.has(key) && !key.endsWith('_json') && (!key.endsWith('_id') || key === 'national_id' || PERSON_REFS.has(key));

/** 「職稱：個管 → 資深個管；起日：111/07/01」 for updates; the row's fields for inserts and deletes. */
export function describeChange(row: AuditRowLike, names: AuditNames): string {
  if (row.detail) return row.detail;
  const { before, after } = row;
  if (before && after) {
    const keys = Object.keys(after).filter((k) => visible(k) && JSON.stringify(before[k]) !== JSON.stringify(after[k]));
    return keys.length ? keys.map((k) => `${label(k)}：${showValue(k, before[k], names)} → ${showValue(k, after[k], names)}`).join('；') : '（無欄位變動）';
  }
  const fields = after ?? before ?? {};
  return Object.entries(fields)
    .filter(([k, v]) => visible(k) && v != null && v !== '' && !(k === 'person_id' && row.personName))
    .map(([k, v]) => `${label(k)}：${showValue(k, v, names)}`)
    .join('；');
}

/** The account behind an audit row by its display name; the command line and the system by what they are. */
export function describeActor(actor: string, names: AuditNames): string {
  if (actor.startsWith('cli:')) return `命令列（${actor.slice(4)}）`;
  if (actor === 'system') return '系統';
  return names.accountName(actor) ?? actor;
}
