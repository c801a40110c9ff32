// The two files of issue 19 as the one Sheet model every writer renders (xlsx, ods, pdf): the 志願服務榮譽卡 application
// list (申請名冊) and one volunteer's 服務時數證明, which the office stamps into the record-book.
import { formatRoc, type IsoDate } from '../dates/roc';
import { fullWidthRow, type Sheet } from './exportSheet';
import type { HonoursResult, hourStatement } from './volunteerHonours';

const blankSheet = (name: string, title: string, widths: [number, ('left' | 'center' | 'right')?][], orientation: Sheet['orientation']): Sheet => ({
  name,
  title,
  columns: widths.map(([width, align]) => ({ width, align })),
  rows: [],
  merges: [],
  orientation,
});

/** A meta line in two merged parts: the left part left-aligned, the right part right-aligned (cellAlign). */
function metaRow(sheet: Sheet, left: [string, number], right: [string, number]): void {
  const row = sheet.rows.length;
  sheet.rows.push({ kind: 'meta', cells: [left[0], ...Array(left[1] - 1).fill(null), right[0], ...Array(right[1] - 1).fill(null)] });
  if (left[1] > 1) sheet.merges.push({ row, col: 0, rows: 1, cols: left[1] });
  if (right[1] > 1) sheet.merges.push({ row, col: left[1], rows: 1, cols: right[1] });
}

/** Those eligible on the date; 身分證字號 in full, because the 主管機關 matches applicants by it. */
export function honoursListSheet(r: HonoursResult, meta: { office: string; nationalIds: ReadonlyMap<number, string | null> }): Sheet {
  const sheet = blankSheet(
    '榮譽卡申請名冊',
    '志願服務榮譽卡申請名冊',
    [[6, 'center'], [12], [14, 'center'], [14], [8, 'center'], [12, 'center'], [14, 'center'], [24, 'center'], [12, 'right'], [14, 'center']],
    'landscape',
  );
  fullWidthRow(sheet, 'title', sheet.title);
  metaRow(sheet, [`運用單位：${meta.office || '（未設定）'}`, 8], [`資格計算日：${formatRoc(r.asOf)}`, 2]);
  sheet.rows.push({ kind: 'header', cells: ['序號', '姓名', '身分證字號', '紀錄冊編號', '申請類別', '年資起算日', '服務年資', '採計期間', '服務時數', '原榮譽卡效期'] });
  r.eligible.forEach((x, i) =>
    sheet.rows.push({
      kind: 'body',
      cells: [
        i + 1,
        x.name,
        meta.nationalIds.get(x.volunteerId) ?? '',
        x.recordBookNo ?? '',
        x.application === 'first' ? '新申請' : '換發',
        formatRoc(x.serviceStart),
        x.serviceYearsText,
        `${formatRoc(x.countFrom)}–${formatRoc(x.countTo)}`,
        x.serviceHours,
        x.card ? formatRoc(x.card.expiresOn) : '',
      ],
    }),
  );
  if (!r.eligible.length) fullWidthRow(sheet, 'body', '本日無符合申請資格之志工');
  fullWidthRow(sheet, 'note', `合計 ${r.eligible.length} 人。服務時數僅計服務時數，繼續教育等訓練時數不計；換發者僅計前卡已採計日之後之年資與時數。`);
  fullWidthRow(sheet, 'note', `依據：${r.params.source}`);
  return sheet;
}

export function hourStatementSheet(
  s: ReturnType<typeof hourStatement>,
  meta: { office: string; name: string; nationalId: string | null; recordBookNo: string | null; issuedOn: IsoDate },
): Sheet {
  const sheet = blankSheet('服務時數證明', '志願服務時數證明', [[16, 'center'], [12, 'center'], [10, 'right'], [40]], 'portrait');
  fullWidthRow(sheet, 'title', sheet.title);
  metaRow(sheet, [`志工：${meta.name}`, 2], [`身分證字號：${meta.nationalId ?? '（未登錄）'}　紀錄冊編號：${meta.recordBookNo ?? '（未登錄）'}`, 2]);
  metaRow(sheet, [`期間：${formatRoc(s.from)}–${formatRoc(s.to)}`, 2], [`運用單位：${meta.office || '（未設定）'}`, 2]);
  sheet.rows.push({ kind: 'header', cells: ['日期', '類別', '時數', '說明'] });
  for (const l of s.lines) sheet.rows.push({ kind: 'body', cells: [formatRoc(l.workedOn), l.kind, l.hours, l.note ?? ''] });
  if (!s.lines.length) fullWidthRow(sheet, 'body', '本期間無時數紀錄');
  sheet.rows.push({ kind: 'body', cells: ['服務時數合計', null, s.service, '計入志願服務榮譽卡及績優獎勵'] });
  sheet.rows.push({ kind: 'body', cells: ['繼續教育時數合計', null, s.training, '訓練時數，不計入榮譽卡服務時數'] });
  fullWidthRow(sheet, 'note', `上列時數屬實，特此證明。　　運用單位（蓋章）：　　　　　　　　　中華民國 ${formatRoc(meta.issuedOn)}`);
  return sheet;
}
