-- Which stream (stdout or stderr) each stretch of a task's output came from: a row at every
-- switch. Rows inside the dropped middle of capped output are removed with it.

CREATE TABLE task_output_streams (
    task_id     TEXT    NOT NULL REFERENCES invocation_tasks (id),
    byte_offset INTEGER NOT NULL,
    stream      TEXT    NOT NULL,
    PRIMARY KEY (task_id, byte_offset)
);
