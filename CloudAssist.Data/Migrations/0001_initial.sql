-- The first schema. Times are INTEGER milliseconds since the Unix epoch (UTC); ids are TEXT.
-- Portable SQL only: the same script is meant to run on PostgreSQL with BLOB read as BYTEA.

CREATE TABLE commands (
    id                TEXT    NOT NULL PRIMARY KEY,
    name              TEXT    NOT NULL,
    description       TEXT    NOT NULL,
    command_type      TEXT    NOT NULL,
    content           TEXT    NOT NULL,
    working_directory TEXT    NULL,
    timeout_seconds   INTEGER NOT NULL,
    parameters_json   TEXT    NOT NULL,
    created_at        INTEGER NOT NULL,
    updated_at        INTEGER NOT NULL
);
CREATE UNIQUE INDEX ux_commands_name ON commands (name);

CREATE TABLE activation_codes (
    id           TEXT    NOT NULL PRIMARY KEY,
    code_hash    BLOB    NOT NULL,
    description  TEXT    NOT NULL,
    usage_limit  INTEGER NOT NULL,
    usage_count  INTEGER NOT NULL,
    expires_at   INTEGER NOT NULL,
    revoked_at   INTEGER NULL,
    created_at   INTEGER NOT NULL
);
CREATE UNIQUE INDEX ux_activation_codes_hash ON activation_codes (code_hash);

CREATE TABLE instances (
    id                 TEXT    NOT NULL PRIMARY KEY,
    name               TEXT    NOT NULL,
    hostname           TEXT    NOT NULL,
    os_description     TEXT    NOT NULL,
    addresses          TEXT    NOT NULL,
    agent_version      TEXT    NOT NULL,
    tags_json          TEXT    NOT NULL,
    credential_hash    BLOB    NOT NULL,
    activation_code_id TEXT    NOT NULL REFERENCES activation_codes (id),
    boot_id            TEXT    NULL,
    registered_at      INTEGER NOT NULL,
    last_seen_at       INTEGER NOT NULL,
    deregistered_at    INTEGER NULL
);

CREATE TABLE invocations (
    id                TEXT    NOT NULL PRIMARY KEY,
    command_id        TEXT    NULL,
    command_name      TEXT    NOT NULL,
    command_type      TEXT    NOT NULL,
    content           TEXT    NOT NULL,
    working_directory TEXT    NULL,
    timeout_seconds   INTEGER NOT NULL,
    parameters_json   TEXT    NOT NULL,
    trigger_kind      TEXT    NOT NULL,
    created_by        TEXT    NOT NULL,
    created_at        INTEGER NOT NULL,
    status            TEXT    NOT NULL,
    task_count        INTEGER NOT NULL,
    stop_requested_at INTEGER NULL,
    finished_at       INTEGER NULL
);
CREATE INDEX ix_invocations_created_at ON invocations (created_at);

CREATE TABLE invocation_tasks (
    id                TEXT    NOT NULL PRIMARY KEY,
    invocation_id     TEXT    NOT NULL REFERENCES invocations (id),
    instance_id       TEXT    NOT NULL REFERENCES instances (id),
    status            TEXT    NOT NULL,
    exit_code         INTEGER NULL,
    error_code        TEXT    NULL,
    error_message     TEXT    NULL,
    timeout_seconds   INTEGER NOT NULL,
    created_at        INTEGER NOT NULL,
    delivered_at      INTEGER NULL,
    started_at        INTEGER NULL,
    finished_at       INTEGER NULL,
    stop_requested_at INTEGER NULL,
    stop_delivered_at INTEGER NULL,
    output_received   INTEGER NOT NULL,
    output_dropped    INTEGER NOT NULL
);
CREATE INDEX ix_invocation_tasks_instance_status ON invocation_tasks (instance_id, status);
CREATE INDEX ix_invocation_tasks_invocation ON invocation_tasks (invocation_id);

-- Output in ordered chunks keyed by byte offset; past the per-task cap only the head and the
-- tail are kept, and invocation_tasks.output_dropped counts what was cut between them.
CREATE TABLE task_output (
    task_id     TEXT    NOT NULL REFERENCES invocation_tasks (id),
    byte_offset INTEGER NOT NULL,
    byte_count  INTEGER NOT NULL,
    data        BLOB    NOT NULL,
    PRIMARY KEY (task_id, byte_offset)
);
