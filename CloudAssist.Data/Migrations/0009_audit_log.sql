-- The audit log: who changed what, and when. Rows are only ever added; the triggers below refuse
-- any UPDATE or DELETE, so not even a bug in the server (or a hand-run statement through the
-- server's connection) can rewrite history. Removing old rows is a deliberate offline operation.

CREATE TABLE audit_log (
    id             INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    at             INTEGER NOT NULL,
    actor          TEXT    NOT NULL,
    action         TEXT    NOT NULL,
    target_kind    TEXT    NOT NULL,
    target_id      TEXT    NULL,
    summary        TEXT    NOT NULL,
    details_json   TEXT    NULL,
    source_address TEXT    NULL
);

-- Newest first by time is the only order the log is read in; actor and target narrow it further.
CREATE INDEX ix_audit_log_at ON audit_log (at, id);
CREATE INDEX ix_audit_log_target ON audit_log (target_kind, target_id);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only: rows cannot be changed');
END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only: rows cannot be deleted');
END;
