// The demo office's 113年度期末 register (附件五), worked out by hand from DEMO_PEOPLE (electron/demo/demoOffice.ts) —
// not from the builder — so a file read back can be compared with what the form must say.
// 年資: full months from the start of continuous service to 113/12/31 (or the last day), 留職停薪 days deducted.
// 在職月數: months Jan–Dec 113 with a day in post and not on leave. Caseloads: the demo's formula at 113/12/31
// ((個管 24 | 督導 8) + 7i mod 19 ; (16 | 5) + 5i mod 17, i = position among those in post by person id).
type Row = (string | number | null)[];

const SRC = '本部計畫補助人力(含聘用及臨時)';
const OWN = '機關自有專責人力';
const G = '綜合規劃組';
const U = '衛生局';
const BSW = '大學(社會工作學系)';
const cl = (cum: number, act: number) => `1. 累計個管案量：${cum}人\n2. 12月底在案案量：${act}人`;
const CERT = '是(社會工作師)';

export const DEMO_113_END_BODY: Row[] = [
  // 個管 by start date
  [SRC, G, U, '個管', '林志豪', '109年8月 至 迄今', '4年5個月', 12, BSW, '否', cl(31, 21), null],
  [null, G, U, '個管', '張家豪', '110年6月 至 113年3月', '2年9個月', 3, BSW, '否', null, null], // left 113/03/31
  [null, G, U, '個管', '李佩珊', '111年1月 至 迄今', '2年5個月', 6, BSW, CERT, cl(26, 31), null], // leave 113/04/01–09/30 (183 days)
  [null, G, U, '個管', '王俊傑', '111年5月 至 迄今', '2年8個月', 12, BSW, '否', cl(33, 19), null],
  [null, G, U, '個管', '吳宜蓁', '111年9月 至 113年8月', '2年0個月', 8, BSW, '否', null, null],
  [null, G, U, '個管', '劉冠宇', '112年1月 至 迄今', '1年11個月', 12, BSW, '否', cl(40, 24), null],
  [null, G, U, '個管', '蔡欣怡', '112年3月 至 迄今', '1年10個月', 12, BSW, CERT, cl(28, 29), null], // leaves 114/01/31: after the date
  [null, G, U, '個管', '曾柏翰', '112年6月 至 迄今', '1年7個月', 12, BSW, '否', cl(39, 30), null], // rehired: the earlier stint ended 111/12/31
  [null, G, U, '個管', '楊承翰', '112年7月 至 迄今', '1年6個月', 12, BSW, '否', cl(35, 17), null],
  [null, G, U, '個管', '許雅雯', '112年8月 至 迄今', '1年4個月', 12, BSW, '否', cl(42, 22), null],
  [null, G, U, '個管', '鄭宇軒', '113年1月 至 迄今', '0年11個月', 12, BSW, '否', cl(30, 27), null],
  [null, G, U, '個管', '謝佳穎', '113年2月 至 迄今', '0年10個月', 11, BSW, CERT, cl(37, 32), null],
  [null, G, U, '個管', '郭建宏', '113年6月 至 迄今', '0年6個月', 7, BSW, '否', cl(25, 20), null],
  [null, G, U, '個管', '洪詩涵', '113年10月 至 迄今', '0年3個月', 3, BSW, '否', cl(32, 25), null],
  [null, G, U, '個管', '魏志明', '113年11月 至 迄今', '0年2個月', 2, BSW, '否', cl(41, 28), null],
  // 資深個管: 陳雅婷's service runs from her 個管 start (promotion does not break it)
  [null, G, U, '資深個管', '陳雅婷', '108年3月 至 迄今', '5年10個月', 12, BSW, CERT, cl(24, 16), null],
  [null, G, U, '資深個管', '周怡安', '109年1月 至 迄今', '4年11個月', 12, BSW, CERT, cl(27, 18), null],
  [null, G, U, '督導', '江孟儒', '107年4月 至 迄今', '6年9個月', 12, '碩士(心理學系)', '否', cl(18, 12), null],
  [null, G, U, '督導', '黃淑芬', '110年2月 至 迄今', '3年11個月', 12, '碩士(社會工作研究所)', '否', cl(22, 15), null],
  [null, G, U, '專管', '呂佳蓉', '111年1月 至 迄今', '3年0個月', 12, BSW, '否', '/', null],
  // 機關自有專責人力 by 業務組 (預防宣導 → 保護扶助 → 醫療服務 → 綜合規劃); no 職稱 recorded → blank
  [OWN, '預防宣導組', '教育處', null, '潘俊宏', '109年1月 至 迄今', '5年0個月', 12, BSW, '否', null, null],
  [null, '保護扶助組', '社會處', null, '方雅琪', '110年7月 至 迄今', '3年6個月', 12, BSW, CERT, null, null],
  [null, '醫療服務組', U, null, '石家瑋', '108年5月 至 113年5月', '5年1個月', 5, BSW, '否', null, null],
  [null, '醫療服務組', U, null, '彭子晴', '113年6月 至 迄今', '0年7個月', 7, BSW, '否', null, null],
  [null, G, U, null, '戴欣妤', '111年2月 至 迄今', '2年11個月', 12, BSW, '否', null, null],
];

export const DEMO_113_END_HEAD: Row[] = [
  ['毒品危害防制中心專責人力運用情形清冊', null, null, null, null, null, null, null, null, null, null, null],
  ['填報時間：114年1月10日', null, null, null, null, null, '資料基準日：113年12月31日（113年度期末）', null, null, null, null, null],
  ['人力來源', '係屬業務組別', '所屬行政單位(局處)', '職稱', '姓名', '任、離職時間', '年資', '113年在職月數', '學歷(科系)', '是否具有本計畫證照加給之證照', '工作內容', null],
  [null, null, null, null, null, null, null, null, null, null, '個案管理及案量', '其他(簡要條列說明)'],
];

/** Merges as the original form draws them (0-based): title and meta lines, the two-level header, the source blocks. */
export const DEMO_113_END_MERGES = [
  { row: 0, col: 0, rows: 1, cols: 12 },
  { row: 1, col: 0, rows: 1, cols: 6 },
  { row: 1, col: 6, rows: 1, cols: 6 },
  ...Array.from({ length: 10 }, (_, c) => ({ row: 2, col: c, rows: 2, cols: 1 })),
  { row: 2, col: 10, rows: 1, cols: 2 },
  { row: 4, col: 0, rows: 20, cols: 1 },
  { row: 24, col: 0, rows: 5, cols: 1 },
  { row: 29, col: 0, rows: 1, cols: 12 },
];

/**
 * The body and merges as the spreadsheet files print them: at each page start inside a 人力來源 block (rows 0-based,
 * as the writers chose them) the block is cut and its label written again, so every printed page names its source.
 */
export function demo113EndAsPrinted(starts: readonly number[]): { body: Row[]; merges: typeof DEMO_113_END_MERGES } {
  const body = DEMO_113_END_BODY.map((r) => [...r]);
  const merges: typeof DEMO_113_END_MERGES = [];
  for (const m of DEMO_113_END_MERGES) {
    const cuts = m.rows > 1 && m.row >= 4 ? starts.filter((s) => s > m.row && s < m.row + m.rows) : [];
    const edges = [m.row, ...cuts, m.row + m.rows];
    for (let k = 0; k + 1 < edges.length; k++) {
      if (edges[k + 1] - edges[k] > 1 || m.cols > 1) merges.push({ ...m, row: edges[k], rows: edges[k + 1] - edges[k] });
      if (k > 0) body[edges[k] - 4][0] = DEMO_113_END_BODY[m.row - 4][0];
    }
  }
  return { body, merges };
}
