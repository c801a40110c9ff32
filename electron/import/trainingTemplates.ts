// The downloadable templates of the training area: attendance, 個案報告, volunteers, volunteer hours.
import type { ImportFields } from '../../shared/domain/importColumns';
import { ATTENDANCE_FIELDS, ATTENDANCE_TEMPLATE_HEADERS, CASE_REPORT_FIELDS, CASE_REPORT_TEMPLATE_HEADERS } from '../../shared/domain/trainingImport';
import { L2_TOPICS, SUP_L2_TOPICS } from '../../shared/domain/trainingParams';
import { VOLUNTEER_FIELDS, VOLUNTEER_HOURS_FIELDS, VOLUNTEER_HOURS_TEMPLATE_HEADERS, VOLUNTEER_TEMPLATE_HEADERS } from '../../shared/domain/volunteerImport';
import { templateXlsx, XLSX_MIME } from './template';

const DATES: [string, string] = ['日期', '可填民國 113/01/15、1130115、113年1月15日，或西元 2024-01-15。'];
const WHO: [string, string] = ['人員比對', '依身分證字號，其次姓名比對；同名者請填身分證字號。'];
const HOURS: [string, string] = ['時數', '以 0.5 小時為單位，如 3 或 1.5。'];
const ALL_OR_NOTHING: [string, string] = ['整批匯入', '任何一列有錯誤時整個檔案都不會寫入，請依錯誤訊息修正後重新匯入。'];

export interface TemplateSpec {
  fileName: string;
  sheet: string;
  headers: readonly string[];
  fields: ImportFields;
  notes: [string, string][];
}

export const TEMPLATES = {
  training: {
    fileName: '訓練出席匯入範本.xlsx',
    sheet: '訓練出席',
    headers: [...ATTENDANCE_TEMPLATE_HEADERS, '證書字號'],
    fields: ATTENDANCE_FIELDS,
    notes: [
      ['一列代表一人出席一堂課', '課程名稱、日期、訓練機關、課程主題都相同的列視為同一堂課（L2 的 12 個主題是同一課程的 12 堂，可在同一天），其訓練層級、核定文號須一致；同一人各主題的時數分別累計。'],
      ['訓練層級', 'L1、L2、L3、督導L1、督導L2、督導L3、其他。'],
      ['課程主題（L2）', L2_TOPICS.map((t) => `${t.name} ${t.hours} 小時`).join('；')],
      ['課程主題（督導L2）', SUP_L2_TOPICS.map((t) => `${t.name} ${t.hours} 小時`).join('；')],
      ['核定文號', 'L3 課程必填衛福部核定公文日期及文號（研習證明上所載）。'],
      ['證書字號', '選填：個人研習證明字號。'],
      WHO,
      DATES,
      HOURS,
      ['重複匯入', '同一人同一課程再次匯入會更新時數與證書字號，不會重複計算。'],
      ALL_OR_NOTHING,
    ],
  },
  caseReports: {
    fileName: '個案報告匯入範本.xlsx',
    sheet: '個案報告',
    headers: CASE_REPORT_TEMPLATE_HEADERS,
    fields: CASE_REPORT_FIELDS,
    notes: [['一列一篇', '個案報告須以書面提報至外部督導會議；外部督導會議欄請填會議名稱或日期。'], WHO, DATES, ALL_OR_NOTHING],
  },
  volunteers: {
    fileName: '志工名冊匯入範本.xlsx',
    sheet: '志工名冊',
    headers: VOLUNTEER_TEMPLATE_HEADERS,
    fields: VOLUNTEER_FIELDS,
    notes: [
      ['一列一段服務期間', '同一志工有多段服務期間時請填多列；服務迄留白表示仍在服務。'],
      ['志工角色', '如 陪伴型志工、行政志工、宣導志工。'],
      ['訓練完成日', '志願服務法 基礎訓練、特殊訓練的完成日期，可留白。'],
      ['志工比對', '依身分證字號，其次姓名比對已建立的志工；同一服務起日再次匯入會更新該段。'],
      DATES,
      ALL_OR_NOTHING,
    ],
  },
  volunteerHours: {
    fileName: '志工時數匯入範本.xlsx',
    sheet: '志工時數',
    headers: VOLUNTEER_HOURS_TEMPLATE_HEADERS,
    fields: VOLUNTEER_HOURS_FIELDS,
    notes: [
      ['類別', '繼續教育 或 服務。繼續教育每年應達 4 小時（涵蓋率目標 100%）。'],
      ['志工比對', '依身分證字號，其次姓名比對志工名冊；請先匯入志工名冊。日期須在該志工的服務期間內。'],
      ['重複匯入', '同一志工同一天同一類別視為同一筆，再次匯入會更新時數。'],
      DATES,
      HOURS,
      ALL_OR_NOTHING,
    ],
  },
} satisfies Record<string, TemplateSpec>;

export async function templateDownload(spec: TemplateSpec) {
  return { fileName: spec.fileName, mimeType: XLSX_MIME, contentBase64: (await templateXlsx(spec.sheet, spec.headers, spec.notes, spec.fields)).toString('base64') };
}
