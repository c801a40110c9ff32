// The downloadable roster template.
import { ROSTER_FIELDS, ROSTER_TEMPLATE_HEADERS } from '../../shared/domain/rosterImport';
import { templateXlsx } from './template';

const NOTES: [string, string][] = [
  ['一列代表一段任職期間', '升遷（如 個管→督導）請填兩列：前一列填離職日（新職前一日）與離職原因「職務異動」，後一列的到職日為新職生效日。'],
  ['日期', '可填民國 113/01/15、1130115、113年1月15日，或西元 2024-01-15。'],
  ['人員比對', '依身分證字號、其次員工編號、再其次姓名比對既有人員；重複匯入同一檔案不會重複建立人員。'],
  ['職稱(文字)', '選填：附件五印出的職稱，如機關自有專責人力的 科員、約僱人員。'],
  ['留職停薪', '填起日；尚未復職者迄日留白。'],
];

export const rosterTemplateXlsx = () => templateXlsx('人員名冊', ROSTER_TEMPLATE_HEADERS, NOTES, ROSTER_FIELDS);
