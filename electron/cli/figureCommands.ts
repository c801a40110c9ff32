// retention, supervision, headcount, import-caseload: the figures supervisors and HR are judged on.
import type { Command } from 'commander';
import { formatRoc, todayIso } from '../../shared/dates/roc';
import { CASELOAD_FIELDS } from '../../shared/domain/caseloadImport';
import { call, dateArg, fileInput, pct, printNotes, readFrom, report, rocYearArg, withBackend } from './common';
import { importHelp } from './importHelp';

export function registerFigureCommands(program: Command): void {
  report(
    program.command('retention').description('12/18 個月留任率（含每人明細與預估）').option('--at <date>', '基準日（民國或西元）', dateArg, todayIso()),
    (b, opts: { at: string }) => call(b, 'retention.at', { date: opts.at }),
    (r) => {
      const met = (m: boolean | null) => (m == null ? '' : m ? '達標' : '未達標');
      console.log(`${formatRoc(r.date)} 留任率（分母 ${r.denominator} 人）`);
      console.log(`  滿${r.monthsShort}個月 ${r.countShort} 人 ${pct(r.rateShort)}（目標 ${pct(r.targetShort)}）${met(r.metShort)}`);
      console.log(`  滿${r.monthsLong}個月 ${r.countLong} 人 ${pct(r.rateLong)}（目標 ${pct(r.targetLong)}）${met(r.metLong)}`);
      for (const row of r.rows) console.log(`  ${row.name}\t${row.reason}`);
      const la = r.lookAhead;
      console.log(`預估至 ${formatRoc(la.nextRefDate)}：滿${r.monthsShort}個月 ${pct(la.projectedRateShort)}、滿${r.monthsLong}個月 ${pct(la.projectedRateLong)}`);
      printNotes(r.interpretation);
    },
  );

  report(
    program.command('supervision').description('督導比、依規定之配置與督導團隊').option('--at <date>', '日期（民國或西元）', dateArg, todayIso()),
    (b, opts: { at: string }) => call(b, 'supervision.at', { date: opts.at }),
    (s) => {
      console.log(`${formatRoc(s.date)} 個管 ${s.caseManagers.length} 人、督導 ${s.supervisors.length} 人（留職停薪不計 ${s.excludedOnLeave.length} 人）`);
      console.log(`${s.compliance.compliant ? '符合' : '不符合'}：${s.compliance.reason}`);
      const a = s.allocation;
      console.log(`依規定配置（占缺個管 ${s.caseManagerPostsFilled} 人）：督導 ${a.supervisors}、資深個管上限 ${a.seniorCap}（在職 ${s.seniorsInPost}）、專管 計算 ${a.pmComputed}／可聘 ${a.pmAllowed}（在職 ${s.pmInPost}）`);
      for (const t of s.teams) console.log(`  督導 ${t.supervisorName}：${t.size} 人${t.overLimit ? `（超過 ${s.teamLimit} 人）` : ''} ${t.members.map((m) => m.name).join('、')}`);
      if (s.unassigned.length) console.log(`  未指派督導：${s.unassigned.map((m) => m.name).join('、')}`);
      printNotes(s.interpretation);
    },
  );

  report(
    program
      .command('headcount')
      .description('核定員額與在職人數、缺額、進用率')
      .requiredOption('--year <rocYear>', '民國年度，如 113', rocYearArg)
      .option('--at <date>', '計算日（預設為該年度 12/31 或今天）', dateArg),
    (b, opts: { year: number; at?: string }) => call(b, 'headcount.year', { rocYear: opts.year, date: opts.at }),
    (h) => {
      console.log(`${h.rocYear} 年度人力（在職以 ${formatRoc(h.date)} 計）`);
      for (const r of h.rows) {
        console.log(`  ${r.roleName}\t核定 ${r.quota ?? '—'}\t在職 ${r.inPost}${r.onLeave ? `（含留職停薪 ${r.onLeave}）` : ''}\t缺額 ${r.vacancies ?? '—'}\t進用率 ${pct(r.hiringRate)}${r.overQuota ? '（超過核定）' : ''}`);
      }
      console.log(`  合計（本計畫補助）核定 ${h.totals.quota ?? '—'}、在職 ${h.totals.inPost}、進用率 ${pct(h.totals.hiringRate)}${h.totals.overQuota ? '（超過核定）' : ''}`);
      if (h.seniorOverCap) console.log(`  注意：資深個管超過上限 ${h.seniorCap} 人`);
      if (h.pmOverAllowance) console.log(`  注意：專管超過可聘人數 ${h.pmAllowance} 人`);
      printNotes(h.interpretation);
    },
  );

  program
    .command('import-caseload')
    .description('匯入月底案量（欄位：姓名, 身分證字號, 月底日期, 累計個管案量, 在案案量）；有任何錯誤則不寫入')
    .argument('<file>', '.xlsx、.ods 或 .csv')
    .option('--sheet <name>', '工作表名稱（預設為活頁簿開啟時的工作表）')
    .addHelpText('after', () => importHelp(CASELOAD_FIELDS))
    .action((file: string, opts: { sheet?: string }, cmd: Command) =>
      withBackend(cmd, async (b) => {
        const r = await call(b, 'import.caseload.commit', fileInput(file, opts.sheet));
        console.log(`匯入完成（${readFrom(r.reading)}）：案量 ${r.records.length} 筆（新增 ${r.records.filter((x) => x.action === 'create').length}、更新 ${r.records.filter((x) => x.action === 'update').length}）`);
      }),
    );
}

export function registerReminderCommands(program: Command): void {
  report(
    program
      .command('reminders')
      .description('本月待辦提醒（與首頁相同）：滿 12/18 個月、任職或留職停薪將結束、督導團隊超過年度參數之人數、未指派督導、新進個管未通過評估、缺月底案量…')
      .option('--today <date>', '以此日為今天（民國或西元）', dateArg, todayIso()),
    (b, opts: { today: string }) => call(b, 'dashboard.home', { today: opts.today }),
    (home) => {
      console.log(`${formatRoc(home.today)} 待辦提醒（下一個基準日 ${formatRoc(home.nextRefDate)}）`);
      for (const t of home.tiles) console.log(`  [${t.tone}] ${t.label}：${t.value}（${t.detail}）`);
      for (const r of home.reminders) console.log(`  ${formatRoc(r.due)}\t${r.title}`);
      if (!home.reminders.length) console.log('  沒有待辦事項');
    },
  );
}
