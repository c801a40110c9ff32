-- Every open asks for audit rows without a hash (sealLegacyAuditRows: rows logged before 013, sealed once). Since 013
-- no row can arrive without one, so the answer is always empty, yet without an index the question read the whole log:
-- about 90 ms on every open for a 200,000-row log (two or three years of an office's imports and edits). This index
-- holds only the unsealed rows — none after the first seal — so the question costs nothing however long the log grows.
CREATE INDEX audit_log_unsealed ON audit_log (id) WHERE hash IS NULL;
