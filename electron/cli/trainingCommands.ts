// training, volunteers, interns and their imports: the figures of RULES §4 and §5 from the command line.
import type { Command } from 'commander';
import type { Method } from '../../shared/api/contract';
import { formatRoc } from '../../shared/dates/roc';
import type { ImportFields } from '../../shared/domain/importColumns';
import { ATTENDANCE_FIELDS, CASE_REPORT_FIELDS } from '../../shared/domain/trainingImport';
import { VOLUNTEER_FIELDS, VOLUNTEER_HOURS_FIELDS } from '../../shared/domain/volunteerImport';
import { call, dateArg, fileInput, pct, printJson, printNotes, readFrom, rocYearArg, withBackend } from './common';
import { importHelp } from './importHelp';

type YearOpts = { year: number; at?: string; json?: boolean };

function yearCommand(program: Command, name: string, description: string) {
  return program
    .command(name)
    .description(description)
    .requiredOption('--year <rocYear>', '民國年度，如 113', rocYearArg)
    .option('--json', '輸出 JSON');
}

function importCommand(program: Command, name: string, method: Method, fields: ImportFields) {
  program
    .command(name)
    .description(`匯入${fields.name}（欄位：${fields.fields.map((f) => f.key).join(', ')}）；有任何錯誤則不寫入`)
    .argument('<file>', '.xlsx、.ods 或 .csv')
    .option('--sheet <name>', '工作表名稱（預設為活頁簿開啟時的工作表）')
    .addHelpText('after', () => importHelp(fields))
    .action((file: string, opts: { sheet?: string }, cmd: Command) =>
      withBackend(cmd, async (b) => {
        const r = await call(b, method as 'import.training.commit', fileInput(file, opts.sheet));
        console.log(`匯入完成（${readFrom(r.reading)}）：${r.summary}`);
      }),
    );
}

export function registerTrainingCommands(program: Command): void {
  yearCommand(program, 'training', '個管與督導 Level 1–3 訓練：每人應完成、已完成、尚缺與參訓率')
    .option('--at <date>', '計算日（預設為年度結束日或今天）', dateArg)
    .action((opts: YearOpts, cmd: Command) =>
      withBackend(cmd, async (b) => {
        const t = await call(b, 'training.year', { rocYear: opts.year, date: opts.at });
        if (opts.json) return printJson(t);
        const f = t.figures;
        console.log(`${t.rocYear} 年度訓練（以 ${formatRoc(t.asOf)} 在職之個管、督導 ${f.population} 人計）`);
        console.log(`  Level I 參訓率 ${pct(f.level1.rate)}（${f.level1.count}/${f.level1.total}）`);
        console.log(`  Level II 參訓率 ${pct(f.level2.rate)}（${f.level2.count}/${f.level2.total}）`);
        console.log(`  Level III 達成率 ${pct(f.level3.rate)}（${f.level3.count}/${f.level3.total}）`);
        console.log(`  個案報告 ${f.caseReports.filed} 篇（${f.caseReports.people} 人提報；應提報 ${f.caseReports.owedBy} 人）`);
        for (const p of t.people) console.log(`  ${p.name}\t${p.roleName}\t${p.status}\t${p.reason}`);
        printNotes(t.interpretation);
      }),
    );

  // --year is checked here rather than required: `volunteers honours` (volunteerHonourCommands.ts) runs without it
  program
    .command('volunteers')
    .description('志工繼續教育涵蓋率、未達 4 小時名單與提醒名單；志願服務榮譽卡見 volunteers honours')
    .option('--year <rocYear>', '民國年度，如 113（必填）', rocYearArg)
    .option('--json', '輸出 JSON')
    .option('--at <date>', '計算日（預設為年度結束日或今天）', dateArg)
    .action((opts: YearOpts, cmd: Command) => {
      if (!opts.year) cmd.error("error: required option '--year <rocYear>' not specified");
      return withBackend(cmd, async (b) => {
        const v = await call(b, 'volunteers.year', { rocYear: opts.year, date: opts.at });
        if (opts.json) return printJson(v);
        const met = v.met == null ? '' : v.met ? '達標' : '未達標';
        console.log(`${v.rocYear} 年度志工繼續教育涵蓋率 ${pct(v.rate)}（${v.covered}/${v.total}，目標 ${pct(v.target)}）${met}`);
        for (const r of v.short) console.log(`  未達 ${v.required} 小時：${r.name}\t尚缺 ${r.shortBy} 小時（已有 ${r.ceHours}）`);
        if (v.reminders.length) console.log(`  提醒（年度尚餘 ${v.daysLeft} 天）：${v.reminders.map((r) => r.name).join('、')}`);
        printNotes(v.interpretation);
      });
    });

  yearCommand(program, 'interns', '實(見)習：合作單位、合作方式、實際實(見)習人數與時數').action((opts: YearOpts, cmd: Command) =>
    withBackend(cmd, async (b) => {
      const i = await call(b, 'interns.year', { rocYear: opts.year });
      if (opts.json) return printJson(i);
      console.log(i.paragraph);
      for (const r of i.interns) console.log(`  ${r.name}\t${r.unit}\t${r.kind}\t${formatRoc(r.startDate)}–${formatRoc(r.endDate)}\t${r.hours} 小時\t督導 ${r.supervisorName ?? '—'}${r.ok ? '' : `\t${r.reason}`}`);
    }),
  );

  importCommand(program, 'import-training', 'import.training.commit', ATTENDANCE_FIELDS);
  importCommand(program, 'import-case-reports', 'import.caseReports.commit', CASE_REPORT_FIELDS);
  importCommand(program, 'import-volunteers', 'import.volunteers.commit', VOLUNTEER_FIELDS);
  importCommand(program, 'import-volunteer-hours', 'import.volunteerHours.commit', VOLUNTEER_HOURS_FIELDS);
}
