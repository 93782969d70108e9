-- Files sent to instances. One row per file invocation: the bytes are stored once, whatever the
-- number of targets, and dropped (content set to NULL) once the invocation has ended.

CREATE TABLE file_transfers (
    invocation_id    TEXT    NOT NULL PRIMARY KEY REFERENCES invocations (id),
    file_name        TEXT    NOT NULL,
    target_directory TEXT    NOT NULL,
    owner_name       TEXT    NULL,
    group_name       TEXT    NULL,
    mode             TEXT    NOT NULL,
    overwrite        INTEGER NOT NULL,
    size_bytes       INTEGER NOT NULL,
    sha256           TEXT    NOT NULL,
    content          BLOB    NULL
);

-- The sweep that drops the bytes of ended invocations looks only at rows that still hold some.
CREATE INDEX ix_file_transfers_held ON file_transfers (invocation_id) WHERE content IS NOT NULL;
