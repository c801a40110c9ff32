// export register | staffing-text | indicators | headcount | check: the ministry's forms from the command line.
// Files are written through a temp file + rename (electron/exports/atomicWrite.ts); what the data lacks is listed on
// stderr before exporting, and those cells stay blank.
import { InvalidArgumentError, type Command } from 'commander';
import path from 'node:path';
import { FORMATS_OF, type ExportForm, type ExportFormat } from '../../shared/api/exports';
import type { Input } from '../../shared/api/contract';
import { INDICATOR_KEYS, PROGRESS, type IndicatorKey, type Progress } from '../../shared/domain/indicators';
import type { Backend } from '../backend';
import { writeFileAtomic } from '../exports/atomicWrite';
import { call, dateArg, halfAndYear, report, withBackend } from './common';

type Options = Input<'exports.file'>;
interface Common {
  half: 1 | 2;
  year: number;
  format?: ExportFormat;
  out?: string;
}

function formatArg(form: ExportForm) {
  return (text: string): ExportFormat => {
    const f = text.replace(/^\./, '').toLowerCase() as ExportFormat;
    if (!FORMATS_OF[form].includes(f)) throw new InvalidArgumentError(`格式須為 ${FORMATS_OF[form].join('|')}`);
    return f;
  };
}

const PROGRESS_ALIAS: Record<string, IndicatorKey> = { 專責人力: 'dedicatedStaff', 留任率: 'retention', 志工: 'volunteerCE', 志工繼續教育: 'volunteerCE' };

/** `--progress retention=符合 volunteerCE=` (empty = leave blank); keys also in Chinese: 專責人力 留任率 志工. */
function progressArg(text: string, prev: Record<string, Progress | null> = {}): Record<string, Progress | null> {
  const [k, v = ''] = text.split('=');
  const key = (PROGRESS_ALIAS[k] ?? k) as IndicatorKey;
  if (!INDICATOR_KEYS.includes(key)) throw new InvalidArgumentError(`指標須為 ${[...INDICATOR_KEYS, ...Object.keys(PROGRESS_ALIAS)].join('、')}`);
  if (v && !(PROGRESS as readonly string[]).includes(v)) throw new InvalidArgumentError(`自評進度須為 ${PROGRESS.join('、')} 或留空`);
  return { ...prev, [key]: (v || null) as Progress | null };
}

function period(cmd: Command, form: ExportForm, formatRequired: boolean): Command {
  halfAndYear(cmd);
  const fmt = `--format <${FORMATS_OF[form].join('|')}>`;
  return formatRequired ? cmd.requiredOption(fmt, '檔案格式', formatArg(form)) : cmd.option(fmt, '檔案格式（預設 txt）', formatArg(form), 'txt');
}

/** What the data lacks for this form, on stderr, so a script's stdout stays the export itself. */
async function warnGaps(b: Backend, form: ExportForm, o: Options): Promise<void> {
  const { issues } = await call(b, 'exports.check', o);
  const mine = issues.filter((i) => i.forms.includes(form));
  if (!mine.length) return;
  console.error(`注意：下列資料缺漏，相關欄位將留白（${mine.length} 項）：`);
  for (const i of mine) console.error(`  ${i.name ? `${i.name}：` : ''}${i.message}${i.link ? `（${i.link}）` : ''}`);
}

async function produce(b: Backend, form: ExportForm, o: Options, out: string | undefined): Promise<void> {
  await warnGaps(b, form, o);
  const f = await call(b, 'exports.file', o);
  const bytes = Buffer.from(f.contentBase64, 'base64');
  if (!out) {
    if (o.format !== 'txt') {
      console.error(`錯誤：${o.format} 檔請以 --out <檔名> 指定輸出位置`);
      process.exit(1);
    }
    process.stdout.write(bytes.toString('utf8'));
    return;
  }
  writeFileAtomic(path.resolve(out), bytes);
  console.log(`已匯出 ${path.resolve(out)}（${f.fileName}，${bytes.length.toLocaleString('en-US')} bytes）`);
}

export function registerExportCommands(program: Command): void {
  const exp = program.command('export').description('產出部定表單：附件五清冊、人力運用情形、衡量指標、人力配置表（附件七）');

  period(exp.command('register').description('附件五 毒品危害防制中心專責人力運用情形清冊'), 'register', true)
    .requiredOption('--out <file>', '輸出檔案')
    .option('--filled <date>', '填報時間（預設今天）', dateArg)
    .action((opts: Common & { filled?: string }, cmd: Command) =>
      withBackend(cmd, (b) => produce(b, 'register', { form: 'register', format: opts.format!, rocYear: opts.year, half: opts.half, filledOn: opts.filled }, opts.out)),
    );

  period(exp.command('staffing-text').description('人力運用情形（成果報告段落）；未指定 --out 時將文字印出'), 'staffingText', false)
    .option('--out <file>', '輸出檔案')
    .option('--annex <編號>', '清冊在成果報告中的附件編號（預設 五）')
    .action((opts: Common & { annex?: string }, cmd: Command) =>
      withBackend(cmd, (b) => produce(b, 'staffingText', { form: 'staffingText', format: opts.format!, rocYear: opts.year, half: opts.half, annex: opts.annex }, opts.out)),
    );

  period(exp.command('indicators').description('衡量指標達成情形（指標｜目標值｜目標達成情形及達成率｜自評進度）'), 'indicators', false)
    .option('--out <file>', '輸出檔案')
    .option('--progress <指標=進度>', '自評進度（超前／符合／落後，留空則空白），可重複；指標：dedicatedStaff|retention|volunteerCE 或 專責人力|留任率|志工', progressArg)
    .action((opts: Common & { progress?: Options['progress'] }, cmd: Command) =>
      withBackend(cmd, (b) => produce(b, 'indicators', { form: 'indicators', format: opts.format!, rocYear: opts.year, half: opts.half, progress: opts.progress }, opts.out)),
    );

  period(exp.command('headcount').description('人力配置表（附件七格式）及人力進用情形'), 'headcount', false)
    .option('--out <file>', '輸出檔案')
    .option('--county <名稱>', '縣市名稱（附件七第一欄）')
    .option('--avg-caseload <n>', '前四年每日平均在案量（部核定資料）', (t) => {
      const n = Number(t);
      if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('請填 0 以上整數');
      return n;
    })
    .action((opts: Common & { county?: string; avgCaseload?: number }, cmd: Command) =>
      withBackend(cmd, (b) => produce(b, 'headcount', { form: 'headcount', format: opts.format!, rocYear: opts.year, half: opts.half, county: opts.county, avgCaseload: opts.avgCaseload }, opts.out)),
    );

  report(
    halfAndYear(exp.command('check').description('匯出前資料檢查：表單需要而資料缺漏的項目')),
    (b, opts: { half: 1 | 2; year: number }) => call(b, 'exports.check', { rocYear: opts.year, half: opts.half }),
    (r) => {
      if (!r.issues.length) return console.log('資料齊全，無缺漏。');
      console.log(`缺漏 ${r.issues.length} 項（匯出時相關欄位留白）：`);
      for (const i of r.issues) console.log(`  [${i.field}] ${i.name ? `${i.name}：` : ''}${i.message}${i.link ? `（${i.link}）` : ''}`);
    },
  );
}
