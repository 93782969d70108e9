-- Schedules: when an invocation repeats, and the history of each schedule's runs.
-- Same conventions as 0001: INTEGER epoch milliseconds, TEXT ids and enum names, portable SQL.

CREATE TABLE schedules (
    id                   TEXT    NOT NULL PRIMARY KEY,
    command_id           TEXT    NULL,
    command_name         TEXT    NOT NULL,
    command_type         TEXT    NOT NULL,
    content              TEXT    NOT NULL,
    working_directory    TEXT    NULL,
    timeout_seconds      INTEGER NULL,
    instance_ids_json    TEXT    NOT NULL,
    kind                 TEXT    NOT NULL,
    expression           TEXT    NOT NULL,
    time_zone            TEXT    NOT NULL,
    rate_seconds         INTEGER NULL,
    enabled              INTEGER NOT NULL,
    next_run_at          INTEGER NULL,
    last_run_at          INTEGER NULL,
    last_run_outcome     TEXT    NULL,
    last_invocation_id   TEXT    NULL,
    created_by           TEXT    NOT NULL,
    created_at           INTEGER NOT NULL,
    updated_at           INTEGER NOT NULL
);
CREATE INDEX ix_schedules_due ON schedules (enabled, next_run_at);

-- One row per firing, skip, failure or stretch of missed runs; reboot runs name their instance.
CREATE TABLE schedule_runs (
    id            TEXT    NOT NULL PRIMARY KEY,
    schedule_id   TEXT    NOT NULL REFERENCES schedules (id) ON DELETE CASCADE,
    due_at        INTEGER NOT NULL,
    recorded_at   INTEGER NOT NULL,
    outcome       TEXT    NOT NULL,
    invocation_id TEXT    NULL,
    instance_id   TEXT    NULL,
    detail        TEXT    NOT NULL
);
CREATE INDEX ix_schedule_runs_schedule ON schedule_runs (schedule_id, recorded_at);

-- The schedule an invocation was fired by; NULL for manual ones. No foreign key: deleting a
-- schedule keeps its execution records, as deleting a command does.
ALTER TABLE invocations ADD COLUMN schedule_id TEXT NULL;
CREATE INDEX ix_invocations_schedule ON invocations (schedule_id, created_at);
