// What every import service shares around the reading layer: read the upload with the template's words, describe how
// it was read for the preview, and commit as analyse → backup → re-analyse and apply inside one transaction.
import type { Output } from '../../shared/api/contract';
import { AppError } from '../../shared/api/errors';
import { formatRoc, parseDate } from '../../shared/dates/roc';
import type { ImportFields } from '../../shared/domain/importColumns';
import type { ImportIssue } from '../../shared/domain/importRows';
import { normalizeCode, normalizeText } from '../../shared/domain/importText';
import { maskNationalId, normalizeNationalId } from '../../shared/domain/nationalId';
import type { Db } from '../db/connection';
import { readTable, type Table } from '../import/readTable';
import { changeMark } from '../db/changeMark';

export type Reading = Output<'import.roster.preview'>['reading'];
export type Upload = { fileName: string; contentBase64: string; sheet?: string };

export const SAMPLE_ROWS = 5;

const DATE_FIELD = /日|日期|起|迄|月底/;
/** fields read as codes (full width folded) rather than as names and free text */
const CODE_FIELD = /身分證字號|員工編號|時數|案量|文號|字號|層級|類別/;

/** A field's value as it will be stored, in the clerk's terms: dates in ROC, codes as their names. */
export type Interpret = (field: string, value: string) => string | undefined;

export function readingOf(table: Table, interpret: Interpret = () => undefined): Reading {
  return {
    ...table.layout,
    sample: table.rows.slice(0, SAMPLE_ROWS).map((r) => ({
      row: r.row,
      values: table.headers.map((field) => {
        const raw = r.cells[field] ?? '';
        // the preview is open to every role: an ID shows masked, as everywhere else
        if (field === '身分證字號') return { field, value: raw ? maskNationalId(normalizeNationalId(normalizeCode(raw))) : '' };
        const date = raw && DATE_FIELD.test(field) ? parseDate(normalizeCode(raw)) : null;
        return { field, value: interpret(field, raw) ?? (date ? formatRoc(date) : CODE_FIELD.test(field) ? normalizeCode(raw) : normalizeText(raw)) };
      }),
    })),
  };
}

export async function readUpload(upload: Upload, template: ImportFields): Promise<Table> {
  return readTable(upload.fileName, Buffer.from(upload.contentBase64, 'base64'), { template, sheet: upload.sheet });
}

/** A commit of a file whose header cannot be read says why in its message (the preview shows it with the sheets). */
export function refuseUnreadable(table: Table): void {
  if (table.unreadable) throw new AppError('IMPORT_INVALID', table.issues.map((i) => i.message).join('；'), undefined, table.issues);
}

export const sortIssues = (issues: ImportIssue[]) => issues.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));

export const refused = (errors: ImportIssue[]) => new AppError('IMPORT_INVALID', `檔案有 ${errors.length} 個錯誤，未匯入任何資料`, undefined, sortIssues([...errors]));

/**
 * All or nothing, and never from a stale plan (issue 13 §13): the file is checked, the backup awaited, and then the
 * plan is made again from the database as it is inside the writing transaction whenever anything was written since it
 * was made — another import or edit that landed while the backup ran is seen, and a file that no longer fits is refused
 * with nothing written.
 */
export async function commitFresh<P extends { errors: ImportIssue[] }>(
  db: Db,
  plan: () => P,
  backup: () => Promise<void>,
  write: (p: P) => void,
): Promise<P> {
  const before = changeMark(db);
  const first = plan();
  if (first.errors.length) throw refused(first.errors);
  await backup();
  return db.transaction(() => {
    // planned again only if something was written meanwhile (planning a 5,000-row file is a third of its import)
    const fresh = changeMark(db) === before ? first : plan();
    if (fresh.errors.length) throw refused(fresh.errors);
    write(fresh);
    return fresh;
  })();
}
