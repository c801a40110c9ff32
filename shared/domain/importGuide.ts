// What a clerk needs to know to fill a template, generated from the one synonym table and the one value table:
// printed on each template's 填寫說明 sheet and by `<import command> --help`, so the two never disagree.
import { HEADER_SYNONYMS, type ImportFields } from './importColumns';
import { BUSINESS_GROUP_WORDS, END_REASON_WORDS, FUNDING_WORDS, HOUR_KIND_WORDS, ROLE_WORDS } from './importValues';
import { BUILTIN_ROLES } from './roles';

const words = (table: Record<string, readonly string[]>, nameOf: (code: string) => string = (c) => c) =>
  Object.entries(table)
    .map(([code, ws]) => `${nameOf(code)}：${ws.join('、')}`)
    .join('；');

/** The accepted words of the fields that take a fixed set of values, by field. */
export const VALUE_GUIDE: Record<string, string> = {
  職稱代碼: `${words(ROLE_WORDS, (c) => BUILTIN_ROLES.find((r) => r.code === c)?.name ?? c)}；或在「職稱設定」新增的其他計畫職稱名稱。機關自有專責人力的職稱（科員、約僱人員…）寫在此欄時，記為自有專責，並把職稱印在附件五`,
  人力來源: words(FUNDING_WORDS),
  離職原因: words(END_REASON_WORDS),
  業務組: `${words(BUSINESS_GROUP_WORDS)}（其他文字照填照存）`,
  類別: words(HOUR_KIND_WORDS),
  訓練層級: 'L1、L2、L3、督導L1、督導L2、督導L3、其他（也可寫 Level 1、第一級…）',
};

export const DATE_GUIDE = '民國 113/01/15、113.1.15、113年1月15日、1130115，西元 2024-01-15、2024/1/15，或 Excel 的日期儲存格（含民國日期格式）；全形數字亦可';

export interface GuideLine {
  item: string;
  text: string;
}

/** One line per field (its accepted header words, whether it is required, its accepted values), then the reading rules. */
export function importGuide(template: ImportFields): GuideLine[] {
  const fields = template.fields.map((f) => ({
    item: `${f.key === '職稱' ? '職稱（文字，印在附件五）' : f.key}${f.required ? '（必填欄）' : '（可省略此欄）'}`,
    text: [`欄名可寫：${(HEADER_SYNONYMS[f.key] ?? [f.key]).join('、')}`, VALUE_GUIDE[f.key] ? `可填：${VALUE_GUIDE[f.key]}` : ''].filter(Boolean).join('。'),
  }));
  return [
    ...fields,
    { item: '日期', text: DATE_GUIDE },
    { item: '標題列', text: '表頭上方可有標題與空白列：系統在前 30 列中找出含最多欄名的一列作為標題列；欄位順序不拘，其他欄（序號、電話、備註…）略過不讀，並在預覽中列出' },
    { item: '合併儲存格', text: '向下合併的儲存格（人力來源、業務組、所屬行政單位）適用於合併範圍內的每一列' },
    { item: '工作表', text: '讀取活頁簿開啟時的工作表；可在匯入畫面選擇其他工作表（命令列 --sheet 名稱）' },
    { item: '空白列', text: '只有序號或格式、沒有資料的列會略過，並在預覽中列出' },
    { item: 'CSV', text: '建議存成「CSV UTF-8（逗號分隔）」；Big5 的 CSV 會把無法編碼的字換成「?」，此類列會被擋下' },
  ];
}
