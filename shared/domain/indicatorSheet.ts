// The 衡量指標 table as the report prints it: 附件十一 貳 (期中) has 指標 | 目標值 | 目標達成情形及達成率 | 自評進度 |
// 中央審查意見, 附件十二 參 (期末) the same without 中央審查意見 (the ministry writes it, so it stays blank). Under it,
// the org chart that 四(一) 評估方式(目標值1) asks for: 分組, 主責局處, 協辦局處 and the 主責局處專責人力名冊.
import { formatRocLong, type IsoDate } from '../dates/roc';
import { fullWidthRow, type CellValue, type Sheet } from './exportSheet';
import type { IndicatorRow, LeadAgency, OrgChartGroup } from './indicators';

export interface IndicatorSheetMeta {
  rocYear: number;
  half: 1 | 2;
  refDate: IsoDate;
  chart: readonly OrgChartGroup[];
  leads: readonly LeadAgency[];
  notes: readonly string[];
}

/** A row whose last cell spans to the table's right edge (the org chart has fewer columns than the indicator table). */
function spanningRow(sheet: Sheet, kind: 'header' | 'body', cells: CellValue[]): void {
  const width = sheet.columns.length;
  const row = sheet.rows.length;
  sheet.rows.push({ kind, cells: [...cells, ...Array<CellValue>(width - cells.length).fill(null)] });
  if (width > cells.length) sheet.merges.push({ row, col: cells.length - 1, rows: 1, cols: width - cells.length + 1 });
}

/** 「潘俊宏（自有專責）」, 留職停薪 said, so the reader sees who fills the post. */
const staffText = (l: LeadAgency) =>
  l.staff.length ? l.staff.map((s) => `${s.name}（${s.roleName}${s.onLeave ? '，留職停薪中' : ''}）`).join('、') : '無';

export function indicatorSheet(rows: readonly IndicatorRow[], meta: IndicatorSheetMeta): Sheet {
  const midYear = meta.half === 1;
  const label = `${meta.rocYear}年度${midYear ? '期中' : '期末'}`;
  const sheet: Sheet = {
    name: `${label}衡量指標`,
    title: `衡量指標達成情形（${label}）`,
    // 100 units fill A4 portrait: wider, the writers scale the columns down and the row heights (estimated at these
    // widths) come out short, clipping the long cells on paper (issue 15 item 12)
    columns: midYear
      ? [{ width: 18 }, { width: 27 }, { width: 33 }, { width: 9, align: 'center' }, { width: 13 }]
      : [{ width: 21 }, { width: 32 }, { width: 37 }, { width: 10, align: 'center' }],
    rows: [],
    merges: [],
    orientation: 'portrait',
  };
  fullWidthRow(sheet, 'title', sheet.title);
  sheet.rows.push({ kind: 'header', cells: ['指標', '目標值', '目標達成情形及達成率', '自評進度', ...(midYear ? ['中央審查意見'] : [])] });
  let group = '';
  for (const r of rows) {
    if (r.group !== group) fullWidthRow(sheet, 'group', (group = r.group));
    sheet.rows.push({ kind: 'body', cells: [r.indicator, r.target, r.achievement, r.progress, ...(midYear ? [null] : [])] });
  }

  fullWidthRow(sheet, 'group', `(一) 評估方式(目標值1)：毒防中心組織架構之分組及主責局處、協辦局處及主責局處專責人力名冊（${formatRocLong(meta.refDate)}在職）`);
  spanningRow(sheet, 'header', ['分組', '主責局處', '協辦局處']);
  for (const g of meta.chart) spanningRow(sheet, 'body', [g.group, g.lead, g.assist.join('、') || null]);
  spanningRow(sheet, 'header', ['主責局處', '主責分組', '專責人力']);
  for (const l of meta.leads) spanningRow(sheet, 'body', [l.agency, l.groups.join('、'), staffText(l)]);

  for (const n of meta.notes) fullWidthRow(sheet, 'note', `註：${n}`);
  return sheet;
}
