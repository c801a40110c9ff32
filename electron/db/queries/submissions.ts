// Submitted packages (migration 008): written once, read many times. The file BLOBs are read only where a file is
// handed out again; lists read the names and hashes alone.
import type { Db } from '../connection';
import { prepared } from '../statements';

export interface NewSubmission {
  rocYear: number;
  half: 1 | 2;
  refDate: string;
  submittedBy: string;
  note: string | null;
  replacesId: number | null;
  auditMark: number;
  options: unknown;
  figures: unknown;
  source: unknown;
  findings: unknown;
  missing: unknown;
}

export interface NewSubmissionFile {
  name: string;
  mimeType: string;
  sha256: string;
  bytes: Buffer;
}

export interface SubmissionRow {
  id: number;
  rocYear: number;
  half: 1 | 2;
  refDate: string;
  submittedAt: string;
  submittedBy: string;
  note: string | null;
  replacesId: number | null;
  replacedById: number | null;
  auditMark: number;
  /** JSON: the files that could not be made */
  missingJson: string;
}

export interface SubmissionFileMeta {
  submissionId: number;
  name: string;
  mimeType: string;
  sha256: string;
  size: number;
}

export function insertSubmission(db: Db, s: NewSubmission, files: readonly NewSubmissionFile[]): number {
  const id = Number(
    prepared(db,
        `INSERT INTO submissions (roc_year, half, ref_date, submitted_by, note, replaces_id, audit_mark, options_json, figures_json, source_json, findings_json, missing_json)
         VALUES (@rocYear, @half, @refDate, @submittedBy, @note, @replacesId, @auditMark, @options, @figures, @source, @findings, @missing)`,
      )
      .run({
        ...s,
        options: JSON.stringify(s.options),
        figures: JSON.stringify(s.figures),
        source: JSON.stringify(s.source),
        findings: JSON.stringify(s.findings),
        missing: JSON.stringify(s.missing),
      }).lastInsertRowid,
  );
  const add = prepared(db, 'INSERT INTO submission_files (submission_id, seq, name, mime_type, sha256, size, content) VALUES (?, ?, ?, ?, ?, ?, ?)');
  files.forEach((f, i) => add.run(id, i + 1, f.name, f.mimeType, f.sha256, f.bytes.length, f.bytes));
  return id;
}

/** The newest audit row: a submission remembers it, and "changed since" is every audit row after it. */
export function auditMark(db: Db): number {
  return (prepared(db, 'SELECT coalesce(max(id), 0) AS n FROM audit_log').get() as { n: number }).n;
}

const SELECT = `SELECT s.id, s.roc_year AS rocYear, s.half, s.ref_date AS refDate, s.submitted_at AS submittedAt, s.submitted_by AS submittedBy,
  s.note, s.replaces_id AS replacesId, (SELECT min(n.id) FROM submissions n WHERE n.replaces_id = s.id) AS replacedById, s.audit_mark AS auditMark, s.missing_json AS missingJson
  FROM submissions s`;

export function listSubmissions(db: Db, rocYear?: number): SubmissionRow[] {
  return (rocYear == null
    ? prepared(db, `${SELECT} ORDER BY s.roc_year DESC, s.half DESC, s.id DESC`).all()
    : prepared(db, `${SELECT} WHERE s.roc_year = ? ORDER BY s.half DESC, s.id DESC`).all(rocYear)) as SubmissionRow[];
}

export function getSubmission(db: Db, id: number): SubmissionRow | undefined {
  return prepared(db, `${SELECT} WHERE s.id = ?`).get(id) as SubmissionRow | undefined;
}

/** The frozen JSON parts of one submission. */
export function submissionData(db: Db, id: number): { options: unknown; figures: unknown; source: unknown; findings: unknown } {
  const r = prepared(db, 'SELECT options_json, figures_json, source_json, findings_json FROM submissions WHERE id = ?').get(id) as Record<string, string>;
  return { options: JSON.parse(r.options_json), figures: JSON.parse(r.figures_json), source: JSON.parse(r.source_json), findings: JSON.parse(r.findings_json) };
}

/** Names and hashes of every submission's files (or of the ones listed), in package order. */
export function listFileMeta(db: Db, ids?: readonly number[]): SubmissionFileMeta[] {
  const sql = `SELECT submission_id AS submissionId, name, mime_type AS mimeType, sha256, size FROM submission_files`;
  return (ids
    ? prepared(db, `${sql} WHERE submission_id IN (SELECT value FROM json_each(?)) ORDER BY submission_id, seq`).all(JSON.stringify(ids))
    : prepared(db, `${sql} ORDER BY submission_id, seq`).all()) as SubmissionFileMeta[];
}

const CONTENT = 'SELECT submission_id AS submissionId, name, mime_type AS mimeType, sha256, size, content FROM submission_files WHERE submission_id = ?';

export function fileContents(db: Db, submissionId: number): (SubmissionFileMeta & { content: Buffer })[] {
  return prepared(db, `${CONTENT} ORDER BY seq`).all(submissionId) as (SubmissionFileMeta & { content: Buffer })[];
}

export function fileContent(db: Db, submissionId: number, name: string): (SubmissionFileMeta & { content: Buffer }) | undefined {
  return prepared(db, `${CONTENT} AND name = ?`).get(submissionId, name) as (SubmissionFileMeta & { content: Buffer }) | undefined;
}

/** Audit rows about a person written after `mark`, oldest first, with the account's display name where there is one. */
export function personAuditSince(db: Db, mark: number) {
  return (
    prepared(db,
        `SELECT a.id, a.at, a.actor, coalesce(acc.display_name, a.actor) AS actorName, a.action, a.entity, a.person_id AS personId, a.before_json, a.after_json
         FROM audit_log a LEFT JOIN accounts acc ON acc.username = a.actor
         WHERE a.id > ? AND a.person_id IS NOT NULL ORDER BY a.id`,
      )
      .all(mark) as { id: number; at: string; actor: string; actorName: string; action: string; entity: string | null; personId: number; before_json: string | null; after_json: string | null }[]
  ).map(({ before_json, after_json, ...r }) => ({ ...r, before: before_json ? JSON.parse(before_json) : null, after: after_json ? JSON.parse(after_json) : null }));
}

export function displayNameOf(db: Db, actor: string): string {
  return (prepared(db, 'SELECT display_name FROM accounts WHERE username = ?').get(actor) as { display_name: string } | undefined)?.display_name ?? actor;
}
