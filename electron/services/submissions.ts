// The archive of submitted packages (issue 16). Submit makes every file of the package with the export functions the
// 報表匯出 page uses (exportFiles.ts), so a frozen file is exactly what an export would have given that moment, and
// keeps the figures, the register's rows and the data-quality findings beside them in one transaction. Diff computes
// the same things from today's data and hands both sides, with the audit rows since, to shared/domain.
import { refusal, roleMay } from '../../shared/api/access';
import crypto from 'node:crypto';
import type { ParsedInput } from '../../shared/api/contract';
import { AppError } from '../../shared/api/errors';
import { EXPORT_FORMS } from '../../shared/api/exports';
import { PACKAGE_FORMATS } from '../../shared/api/submissions';
import { halfLabel } from '../../shared/domain/registerSheet';
import { diffSubmission, diffWords, submissionSource, type SubmissionSource } from '../../shared/domain/submissionDiff';
import { packageFigures, type PackageFigure } from '../../shared/domain/submissionFigures';
import type { QualityIssue } from '../../shared/domain/dataQuality';
import { auditEvent } from '../db/audit';
import type { Db } from '../db/connection';
import * as leavesQ from '../db/queries/leaves';
import * as q from '../db/queries/submissions';
import type { ServiceContext } from './context';
import { indicatorData, qualityCheck, refDateOf, registerData, staffingData, type ExportOptions } from './exportData';
import { exportFile, exportFileName } from './exportFiles';
import { retentionAt } from './retention';
import { trainingSource } from './trainingSource';

interface Missing {
  name: string;
  reason: string;
}

/** What a package states and what it was made from, for the options given, computed from the data as it is now. */
function packageState(db: Db, o: ExportOptions, today: string): { source: SubmissionSource; figures: PackageFigure[] } {
  const { rows, meta } = registerData(db, o, today);
  const leaves = leavesQ.listLeavesOfPeopleActiveBetween(db, `${meta.refDate.slice(0, 4)}-01-01`, meta.refDate);
  const retention = retentionAt(db, meta.refDate);
  const figures = packageFigures({ retention, staffing: staffingData(db, o).figures, indicators: indicatorData(db, o, trainingSource).rows, register: rows });
  return { source: submissionSource(rows, leaves, meta.refDate), figures };
}

/** Every file of the package; a PDF that cannot be made (no Chromium) is listed as missing, the rest still frozen. */
async function packageFiles(db: Db, o: ExportOptions, today: string): Promise<{ files: q.NewSubmissionFile[]; missing: Missing[] }> {
  const files: q.NewSubmissionFile[] = [];
  const missing: Missing[] = [];
  for (const form of EXPORT_FORMS) {
    for (const format of PACKAGE_FORMATS[form]) {
      try {
        const f = await exportFile(db, form, format, o, today, trainingSource);
        files.push({ name: f.fileName, mimeType: f.mimeType, sha256: crypto.createHash('sha256').update(f.bytes).digest('hex'), bytes: f.bytes });
      } catch (e) {
        if (format !== 'pdf') throw e;
        missing.push({ name: exportFileName(form, o, format), reason: e instanceof Error ? e.message : String(e) });
      }
    }
  }
  return { files, missing };
}

/** Row changes of the data (not sign-ins or exports) since `mark`: a package is frozen from one state of the data. */
function dataChangedSince(db: Db, mark: number): boolean {
  return !!db.prepare('SELECT 1 FROM audit_log WHERE id > ? AND entity IS NOT NULL LIMIT 1').get(mark);
}

function summaries(db: Db, rows: q.SubmissionRow[]) {
  const files = q.listFileMeta(db, rows.map((r) => r.id));
  return rows.map((r) => ({
    id: r.id,
    rocYear: r.rocYear,
    half: r.half,
    refDate: r.refDate,
    submittedAt: r.submittedAt,
    by: r.submittedBy,
    byName: q.displayNameOf(db, r.submittedBy),
    note: r.note,
    replacesId: r.replacesId,
    replacedById: r.replacedById,
    files: files.filter((f) => f.submissionId === r.id).map(({ name, mimeType, sha256, size }) => ({ name, mimeType, sha256, size })),
    missing: JSON.parse(r.missingJson) as Missing[],
  }));
}

function found(db: Db, id: number): q.SubmissionRow {
  const row = q.getSubmission(db, id);
  if (!row) throw new AppError('NOT_FOUND', `沒有第 ${id} 號送出紀錄`, 'id');
  return row;
}

function checkReplaces(db: Db, o: { rocYear: number; half: 1 | 2; replacesId?: number }): void {
  if (o.replacesId == null) return;
  const old = q.getSubmission(db, o.replacesId);
  if (!old) throw new AppError('NOT_FOUND', `沒有第 ${o.replacesId} 號送出紀錄可取代`, 'replacesId');
  if (old.rocYear !== o.rocYear || old.half !== o.half) {
    throw new AppError('VALIDATION', `第 ${old.id} 號是 ${old.rocYear} 年${halfLabel(old.half)}的送出，不能由 ${o.rocYear} 年${halfLabel(o.half)}的送出取代`, 'replacesId');
  }
  if (old.replacedById) throw new AppError('CONFLICT', `第 ${old.id} 號已由第 ${old.replacedById} 號取代；請取代第 ${old.replacedById} 號`, 'replacesId');
}

/** Frozen files carry personal data as an export does (個資法施行細則 §12); a damaged, read-only file cannot log. */
function logHandout({ db, actor, system }: ServiceContext, what: string): void {
  if (!system.damaged()) auditEvent(db, actor(), 'export', what);
}

export const submissionHandlers = {
  'submissions.submit': async ({ note, replacesId, ...options }: ParsedInput<'submissions.submit'>, { db, today, actor }: ServiceContext) => {
    // the caller is read before the first await: the back end serves other calls (other sign-ins) while files are made
    const who = actor();
    checkReplaces(db, { ...options, replacesId });
    const o: ExportOptions = { ...options, filledOn: options.filledOn ?? today() };
    const mark = q.auditMark(db);
    const findings: QualityIssue[] = qualityCheck(db, o, today(), trainingSource).issues;
    const state = packageState(db, o, today());
    // the files are made outside the transaction (a PDF is rendered asynchronously): if the data moved meanwhile,
    // the files and the rows would describe two states, so nothing is written and the clerk submits again
    const { files, missing } = await packageFiles(db, o, today());
    const id = db.transaction(() => {
      if (dataChangedSince(db, mark)) throw new AppError('CONFLICT', '產出檔案期間資料有變動，未送出；請再送出一次');
      checkReplaces(db, { ...options, replacesId }); // another submission may have replaced it meanwhile
      const newId = q.insertSubmission(
        db,
        { rocYear: o.rocYear, half: o.half, refDate: refDateOf(db, o), submittedBy: who, note: note ?? null, replacesId: replacesId ?? null, auditMark: mark, options: o, figures: state.figures, source: state.source, findings, missing },
        files,
      );
      const what = `第 ${newId} 號送出：${o.rocYear} 年${halfLabel(o.half)}，${files.length} 個檔案${missing.length ? `（${missing.length} 個未能產出）` : ''}${note ? `，${note}` : ''}`;
      auditEvent(db, who, 'submit', what);
      return newId;
    })();
    return summaries(db, [found(db, id)])[0];
  },

  'submissions.list': ({ rocYear }: ParsedInput<'submissions.list'>, { db }: ServiceContext) => summaries(db, q.listSubmissions(db, rocYear)),

  'submissions.show': ({ id, contents }: ParsedInput<'submissions.show'>, ctx: ServiceContext) => {
    const { db } = ctx;
    const summary = summaries(db, [found(db, id)])[0];
    const data = q.submissionData(db, id);
    // the files themselves leave the app: an export, which a read-only 督導 may not do (the metadata and diff they may read)
    const role = ctx.auth?.session?.role;
    if (contents && role && !roleMay(role, 'export')) throw new AppError('FORBIDDEN', refusal(role, 'export'));
    const files = contents ? q.fileContents(db, id).map((f) => ({ name: f.name, contentBase64: f.content.toString('base64') })) : [];
    if (files.length) logHandout(ctx, `送出紀錄第 ${id} 號之檔案（${files.length} 個）`);
    return { ...summary, findings: data.findings as QualityIssue[], figures: data.figures as PackageFigure[], contents: files };
  },

  'submissions.file': ({ id, name }: ParsedInput<'submissions.file'>, ctx: ServiceContext) => {
    found(ctx.db, id);
    const f = q.fileContent(ctx.db, id, name);
    if (!f) throw new AppError('NOT_FOUND', `第 ${id} 號送出沒有「${name}」這個檔案`, 'name');
    logHandout(ctx, `送出紀錄第 ${id} 號：${name}`);
    return { fileName: f.name, mimeType: f.mimeType, contentBase64: f.content.toString('base64') };
  },

  'submissions.diff': ({ id }: ParsedInput<'submissions.diff'>, { db, today }: ServiceContext) => {
    const row = found(db, id);
    const data = q.submissionData(db, id);
    const now = packageState(db, data.options as ExportOptions, today());
    const audit = q.personAuditSince(db, row.auditMark);
    const diff = diffSubmission({ frozen: data.source as SubmissionSource, today: now.source, frozenFigures: data.figures as PackageFigure[], todayFigures: now.figures, audit });
    return { submission: summaries(db, [row])[0], comparedOn: today(), ...diff, words: diffWords(diff) };
  },
};
