// What every command shares: typed calls through the dispatcher, argument parsing, Chinese errors on stderr.
import { InvalidArgumentError, type Command } from 'commander';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Input, Method, Output } from '../../shared/api/contract';
import type { ApiResult } from '../../shared/api/errors';
import { parseDate } from '../../shared/dates/roc';
import { openBackend, type Backend } from '../backend';
import { resolveDbPath } from '../db/defaultLocation';
import { keySourcesFor } from './passphrase';

/** Prints the Chinese error (and each row's problem) on stderr and exits non-zero. */
function unwrap<T>(r: ApiResult<T>): T {
  if (r.ok) return r.data;
  console.error(`錯誤：${r.error.message}`);
  for (const i of r.error.issues ?? []) console.error(`  ${i.message}`);
  process.exit(1);
}

/** A typed call through the same dispatcher the UI uses; a refusal prints its Chinese message and exits 1. */
export async function call<M extends Method>(b: Backend, method: M, input: Input<M>): Promise<Output<M>> {
  return unwrap(await b.dispatch(method, input));
}

export function dbPathOf(cmd: Command): string {
  return resolveDbPath(cmd.optsWithGlobals().db);
}

export async function withBackend<T>(cmd: Command, fn: (b: Backend) => Promise<T> | T): Promise<T> {
  const dbPath = dbPathOf(cmd);
  const b = openBackend(dbPath, { actor: `cli:${os.userInfo().username}`, keys: await keySourcesFor(dbPath) });
  try {
    return await fn(b);
  } finally {
    b.close();
  }
}

export function dateArg(text: string): string {
  const d = parseDate(text);
  if (!d) throw new InvalidArgumentError(`無法辨識的日期「${text}」（可寫 113/06/30 或 2024-06-30）`);
  return d;
}

export function rocYearArg(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 90 || n > 200) throw new InvalidArgumentError(`「${text}」不是民國年（如 113）`);
  return n;
}

export function fileInput(file: string, sheet?: string) {
  if (!fs.existsSync(file)) {
    console.error(`錯誤：找不到檔案 ${file}`);
    process.exit(1);
  }
  return { fileName: path.basename(file), contentBase64: fs.readFileSync(file).toString('base64'), ...(sheet ? { sheet } : {}) };
}

/** Where in the file the rows came from, for the result line: 「工作表「名冊」，標題列第 3 列，略過空白列 3 列」. */
export function readFrom(r: { format: string; sheet: string; headerRow: number | null; skippedRows: number[] }): string {
  const parts = [r.format === 'csv' ? '' : `工作表「${r.sheet}」`, r.headerRow ? `標題列第 ${r.headerRow} 列` : '', r.skippedRows.length ? `略過空白列 ${r.skippedRows.length} 列` : ''];
  return parts.filter(Boolean).join('，');
}

export { formatPercent as pct } from '../../shared/domain/rate';

export function printJson(data: unknown): void {
  console.log(JSON.stringify(data, null, 2));
}

export function halfArg(text: string): 1 | 2 {
  if (text !== '1' && text !== '2') throw new InvalidArgumentError('請填 1（期中，6/30）或 2（期末，12/31）');
  return Number(text) as 1 | 2;
}

/** `--half <1|2> --year <rocYear>`: the period every form, indicator and submission is for, said once. */
export function halfAndYear(cmd: Command): Command {
  return cmd
    .requiredOption('--half <1|2>', '1 = 期中（6/30），2 = 期末（12/31）', halfArg)
    .requiredOption('--year <rocYear>', '民國年度，如 113', rocYearArg);
}

/**
 * A read-only report (a figure, the roster, the indicators, the data check): `--json` prints the API's answer as it
 * is, for scripts; otherwise `print` writes the clerk's lines. `fetch` gets the command's own options.
 */
export function report<O, R>(command: Command, fetch: (b: Backend, opts: O) => Promise<R>, print: (r: R, opts: O) => void): Command {
  return command.option('--json', '輸出 JSON').action((opts: O & { json?: boolean }, cmd: Command) =>
    withBackend(cmd, async (b) => {
      const r = await fetch(b, opts);
      if (opts.json) printJson(r);
      else print(r, opts);
    }),
  );
}

/** Each figure's reading of the rules (population, funding scope), as the page's 計算說明 shows it. */
export function printNotes(lines: readonly string[]): void {
  for (const line of lines) console.log(`註：${line}`);
}
