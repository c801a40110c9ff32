-- Submitted report packages (issue 16): what the office sent the ministry for a plan year and half, frozen. The files
-- are kept as BLOBs with their SHA-256, beside the figures, the rows the forms were made from and the data-quality
-- findings at the time. A submission never changes (triggers reject UPDATE and DELETE, as on audit_log); a corrected
-- re-submission is a new row that names the one it replaces.
CREATE TABLE submissions (
  id            INTEGER PRIMARY KEY,
  roc_year      INTEGER NOT NULL,
  half          INTEGER NOT NULL CHECK (half IN (1, 2)),
  ref_date      TEXT NOT NULL,
  submitted_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  submitted_by  TEXT NOT NULL,
  note          TEXT,
  replaces_id   INTEGER REFERENCES submissions (id),
  -- the newest audit_log id when the package was frozen: every change since is an audit row after it
  audit_mark    INTEGER NOT NULL,
  options_json  TEXT NOT NULL,
  figures_json  TEXT NOT NULL,
  source_json   TEXT NOT NULL,
  findings_json TEXT NOT NULL,
  -- files of the package that could not be made (a PDF without Chromium), each with the reason
  missing_json  TEXT NOT NULL
);
CREATE INDEX submissions_period ON submissions (roc_year, half, id);

CREATE TABLE submission_files (
  submission_id INTEGER NOT NULL REFERENCES submissions (id),
  seq           INTEGER NOT NULL,
  name          TEXT NOT NULL,
  mime_type     TEXT NOT NULL,
  sha256        TEXT NOT NULL CHECK (length(sha256) = 64),
  size          INTEGER NOT NULL,
  content       BLOB NOT NULL,
  PRIMARY KEY (submission_id, seq),
  UNIQUE (submission_id, name)
);

CREATE TRIGGER submissions_no_update BEFORE UPDATE ON submissions
BEGIN
  SELECT RAISE(ABORT, 'submissions are immutable');
END;

CREATE TRIGGER submissions_no_delete BEFORE DELETE ON submissions
BEGIN
  SELECT RAISE(ABORT, 'submissions are immutable');
END;

CREATE TRIGGER submission_files_no_update BEFORE UPDATE ON submission_files
BEGIN
  SELECT RAISE(ABORT, 'submissions are immutable');
END;

CREATE TRIGGER submission_files_no_delete BEFORE DELETE ON submission_files
BEGIN
  SELECT RAISE(ABORT, 'submissions are immutable');
END;
