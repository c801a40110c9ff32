-- The audit log as a hash chain (issue 13): each row stores sha256(previous row's hash + its own content), so a row
-- edited, inserted or removed by someone who opened the file directly breaks the chain, and `doctor` names the first
-- broken row. Hashes are computed by the application-defined function staffbook_chain (electron/db/audit.ts).
ALTER TABLE audit_log ADD COLUMN hash TEXT;

-- Rows written before this version are sealed once, in order, right after migrating (sealLegacyAuditRows): the only
-- update ever allowed is setting a missing hash with every other column unchanged.
DROP TRIGGER audit_log_no_update;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
WHEN NOT (
  OLD.hash IS NULL AND NEW.hash IS NOT NULL AND NEW.id = OLD.id AND NEW.at IS OLD.at AND NEW.actor IS OLD.actor
  AND NEW.action IS OLD.action AND NEW.entity IS OLD.entity AND NEW.entity_id IS OLD.entity_id
  AND NEW.person_id IS OLD.person_id AND NEW.before_json IS OLD.before_json AND NEW.after_json IS OLD.after_json
  AND NEW.detail IS OLD.detail
)
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;

-- Every new row arrives chained; a writer that bypasses electron/db/audit.ts fails loudly instead of breaking the chain.
CREATE TRIGGER audit_log_chained BEFORE INSERT ON audit_log
WHEN NEW.hash IS NULL
BEGIN
  SELECT RAISE(ABORT, 'audit_log rows are hash-chained: write them through electron/db/audit.ts');
END;
