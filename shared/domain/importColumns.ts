// The one synonym table of every import template (issue 12 §2) and the header matcher that uses it: which row of a
// sheet is the header, and which file column feeds which field. Pure; the reading layer (electron/import) calls it,
// and the template's instructions sheet prints the same table.
import { normalizeCode } from './importText';

/** The header words clerks use for each field, the field's own name first. Matched after normalizeHeader. */
export const HEADER_SYNONYMS: Record<string, readonly string[]> = {
  姓名: ['姓名', '人員姓名', '員工姓名', '志工姓名', '學員姓名', '名字'],
  身分證字號: ['身分證字號', '身份證字號', '身分證統一編號', '身份證統一編號', '國民身分證統一編號', '身分證號', '身份證號', '身分證號碼', '身分證'],
  員工編號: ['員工編號', '員編', '人員編號', '職員編號'],
  人力來源: ['人力來源', '人力類別', '人力別', '經費來源', '人員類別'],
  職稱代碼: ['職稱代碼', '職稱', '職務', '職別'],
  職稱: ['職稱(文字)', '職稱文字', '職稱名稱', '正式職稱', '官職稱'],
  業務組: ['業務組', '業務組別', '係屬業務組別', '所屬業務組', '組別'],
  所屬行政單位: ['所屬行政單位', '所屬行政單位(局處)', '行政單位', '所屬局處', '局處', '所屬機關'],
  到職日: ['到職日', '到職日期', '到職', '任職日', '任職日期', '任職起日', '到職時間', '進用日期', '聘任日期', '起聘日'],
  離職日: ['離職日', '離職日期', '離職', '離職時間', '任職迄日', '卸任日期'],
  離職原因: ['離職原因', '離職事由', '離職類別', '異動原因'],
  留職停薪起: ['留職停薪起', '留職停薪起日', '留職停薪起始日', '留職停薪開始日', '留停起日', '留停起'],
  留職停薪迄: ['留職停薪迄', '留職停薪迄日', '留職停薪止日', '留職停薪結束日', '留停迄日', '留停迄'],
  學歷: ['學歷', '最高學歷', '學歷(科系)'],
  科系: ['科系', '系所', '畢業科系', '科系所'],
  證照加給證照: ['證照加給證照', '證照加給', '是否具有本計畫證照加給之證照', '證照', '專業證照'],
  工作內容: ['工作內容(其他)', '工作內容', '其他(簡要條列說明)', '其他工作內容', '工作項目'],
  月底日期: ['月底日期', '月底', '資料日期', '統計日期'],
  累計個管案量: ['累計個管案量', '累計案量', '累計個案量'],
  在案案量: ['在案案量', '在案量', '月底在案案量', '在案個案數'],
  課程名稱: ['課程名稱', '課程', '訓練名稱', '研習名稱', '訓練課程'],
  訓練層級: ['訓練層級', '層級', '訓練等級', '課程層級', 'Level'],
  課程主題: ['課程主題', '主題', '講題', '課程子題', '單元'],
  日期: ['日期', '上課日期', '訓練日期', '研習日期', '提報日期', '報告日期', '服務日期'],
  時數: ['時數', '研習時數', '訓練時數', '服務時數', '小時'],
  訓練機關: ['訓練機關', '主辦單位', '主辦機關', '辦理單位', '訓練單位'],
  核定文號: ['核定文號', '核定公文日期及文號', '核定公文文號', '公文文號', '認證文號'],
  證書字號: ['證書字號', '研習證明字號', '證明字號', '證書編號'],
  題目: ['題目', '報告題目', '個案報告題目'],
  外部督導會議: ['外部督導會議', '督導會議', '會議名稱', '提報會議'],
  服務起: ['服務起', '服務起日', '服務開始日', '服務起始日', '加入日期'],
  服務迄: ['服務迄', '服務迄日', '服務結束日', '退出日期'],
  志工角色: ['志工角色', '角色', '志工類別'],
  基礎訓練完成日: ['基礎訓練完成日', '基礎訓練', '基礎訓練日期'],
  特殊訓練完成日: ['特殊訓練完成日', '特殊訓練', '特殊訓練日期'],
  類別: ['類別', '時數類別', '種類'],
  說明: ['說明', '備註'],
};

export interface ImportField {
  key: string;
  /** a file without this column is refused; optional columns may be absent altogether */
  required: boolean;
}

/** One template's fields, in the order its downloadable file lists them. */
export interface ImportFields {
  name: string;
  fields: readonly ImportField[];
}

/** The field key of a template header such as `人力來源(補助/自有)`: the words before any parenthesis. */
export function headerKey(h: string): string {
  // asked for every cell of every row with the same few headers: remember them (a file has at most a few hundred)
  let key = headerKeys.get(h);
  if (key === undefined) {
    if (headerKeys.size > 1000) headerKeys.clear();
    headerKeys.set(h, (key = normalizeHeader(h).replace(/\(.*$/, '')));
  }
  return key;
}
const headerKeys = new Map<string, string>();

/** Full width folded, spaces and line breaks removed, trailing `*` and `:` dropped. */
export function normalizeHeader(h: string): string {
  return normalizeCode(h).replace(/\s+/g, '').replace(/[*:：]+$/, '');
}

export const fieldsOf = (name: string, headers: readonly string[], required: readonly string[]): ImportFields => ({
  name,
  fields: headers.map((h) => ({ key: headerKey(h), required: required.includes(headerKey(h)) })),
});

export interface ColumnMatch {
  /** 0-based column index */
  index: number;
  header: string;
  field: string | null;
}

/** Which field a header cell names, among this template's fields: the whole header first, then the words before "(". */
function fieldOfHeader(text: string, fields: ReadonlySet<string>): string | null {
  const full = normalizeHeader(text);
  if (!full) return null;
  for (const candidate of [full, full.replace(/\(.*$/, '')]) {
    for (const key of fields) {
      if ((HEADER_SYNONYMS[key] ?? [key]).some((s) => normalizeHeader(s) === candidate)) return key;
    }
  }
  return null;
}

/** Each non-blank cell of a header row → its field, or null (ignored). */
export function matchColumns(cells: readonly string[], template: ImportFields): ColumnMatch[] {
  const keys = new Set(template.fields.map((f) => f.key));
  const out = cells.flatMap((header, index) => (header.trim() ? [{ index, header: header.trim(), field: fieldOfHeader(header, keys) }] : []));
  // 職稱 alone is the role; beside a 職稱代碼 column it is the printed title (科員, 約僱人員…)
  const roles = out.filter((c) => c.field === '職稱代碼');
  const bare = roles.find((c) => normalizeHeader(c.header) === '職稱');
  if (roles.length > 1 && bare && keys.has('職稱') && !out.some((c) => c.field === '職稱')) bare.field = '職稱';
  return out;
}

export interface HeaderFound {
  /** 1-based row number in the sheet */
  row: number;
  columns: ColumnMatch[];
  missing: string[];
  duplicates: { field: string; headers: string[] }[];
}

/** How many of the first rows may sit above the header (titles, a blank row, notes). */
export const HEADER_SEARCH_ROWS = 30;

/** The header row: among the first rows, the one naming the most of this template's fields (the first such row). */
export function findHeaderRow(rows: readonly { row: number; values: readonly string[] }[], template: ImportFields): HeaderFound | null {
  let best: { row: number; columns: ColumnMatch[]; score: number } | null = null;
  for (const r of rows.slice(0, HEADER_SEARCH_ROWS)) {
    const columns = matchColumns(r.values, template);
    const score = new Set(columns.flatMap((c) => (c.field ? [c.field] : []))).size;
    if (score > 0 && (!best || score > best.score)) best = { row: r.row, columns, score };
  }
  if (!best) return null;
  const found = new Set(best.columns.map((c) => c.field));
  const missing = template.fields.filter((f) => f.required && !found.has(f.key)).map((f) => f.key);
  const byField = new Map<string, string[]>();
  for (const c of best.columns) if (c.field) byField.set(c.field, [...(byField.get(c.field) ?? []), c.header]);
  const duplicates = [...byField].filter(([, hs]) => hs.length > 1).map(([field, headers]) => ({ field, headers }));
  return { row: best.row, columns: best.columns, missing, duplicates };
}

/** Column letters as Excel shows them: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
