// `template <kind> --out <file.xlsx>`: the import templates, with drop-down lists and the 填寫說明 sheet.
import { Argument, type Command } from 'commander';
import fs from 'node:fs';
import path from 'node:path';
import { call, withBackend } from './common';

const KINDS = {
  roster: 'import.roster.template',
  caseload: 'import.caseload.template',
  training: 'import.training.template',
  'case-reports': 'import.caseReports.template',
  volunteers: 'import.volunteers.template',
  'volunteer-hours': 'import.volunteerHours.template',
} as const;

export function registerTemplateCommand(program: Command): void {
  program
    .command('template')
    .description('寫出匯入範本（.xlsx）：標題列、列舉欄的下拉選單，以及列出可用欄名、用語與日期寫法的「填寫說明」工作表')
    .addArgument(new Argument('<kind>', '範本').choices(Object.keys(KINDS)))
    .requiredOption('--out <file>', '輸出檔案（.xlsx）')
    .action((kind: keyof typeof KINDS, opts: { out: string }, cmd: Command) =>
      withBackend(cmd, async (b) => {
        const t = await call(b, KINDS[kind], {});
        const out = path.resolve(opts.out.endsWith('.xlsx') ? opts.out : `${opts.out}.xlsx`);
        fs.writeFileSync(out, Buffer.from(t.contentBase64, 'base64'));
        console.log(`已寫出範本：${out}`);
      }),
    );
}
