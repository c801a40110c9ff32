// indicators: every 衡量指標 row Staffbook computes (四(一), 四(二), 四(八)), each target with numerator, denominator,
// rate and whether it is met — the same figures the export page and the files show (exports.indicators).
import type { Command } from 'commander';
import { formatRoc } from '../../shared/dates/roc';
import { call, halfAndYear, pct, printNotes, report } from './common';

const metText = (m: boolean | null) => (m == null ? '資料不足' : m ? '達成' : '未達成');
const num = (n: number | null) => (n == null ? '—' : n.toLocaleString('en-US'));

export function registerIndicatorCommands(program: Command): void {
  report(
    halfAndYear(program.command('indicators').description('衡量指標：四(一) 第 2-1 條落實情形、四(二) 留任率、四(八) 志工繼續教育涵蓋率（各目標值之分子、分母、比率、是否達成）')),
    (b, opts: { half: 1 | 2; year: number }) => call(b, 'exports.indicators', { rocYear: opts.year, half: opts.half }),
    (r) => {
      console.log(`${r.rocYear} 年度${r.half === 1 ? '期中' : '期末'}衡量指標（基準日 ${formatRoc(r.refDate)}）`);
      for (const row of r.rows) {
        console.log(`${row.indicator}\t自評進度 ${row.progress ?? '（空白）'}${row.progress !== row.suggested ? `（建議 ${row.suggested ?? '—'}）` : ''}`);
        for (const t of row.targets) {
          console.log(`  目標值${t.no} ${t.label}：${num(t.numerator)}／${num(t.denominator)}＝${pct(t.rate)}（目標 ${t.target}）${metText(t.met)}`);
        }
        if (row.key !== 'dedicatedStaff') continue;
        if (r.chartYear != null && r.chartYear !== r.rocYear) console.log(`  組織架構沿用 ${r.chartYear} 年度`);
        for (const g of r.chart) console.log(`  ${g.group}\t主責 ${g.lead ?? '（未設定）'}\t協辦 ${g.assist.join('、') || '—'}`);
        for (const l of r.leads) {
          const staff = l.staff.map((s) => `${s.name}（${s.roleName}${s.onLeave ? '，留職停薪中' : ''}）`).join('、');
          console.log(`  主責局處 ${l.agency}（${l.groups.join('、')}）：${staff || '無'}`);
        }
      }
      printNotes(r.interpretation);
    },
  );
}
