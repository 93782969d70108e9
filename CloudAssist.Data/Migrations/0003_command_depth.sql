-- Rate control, targets by tag, run-as, environment, and the interpreters an instance has.

ALTER TABLE invocations ADD COLUMN max_concurrency INTEGER NULL;
ALTER TABLE invocations ADD COLUMN max_errors INTEGER NULL;
ALTER TABLE invocations ADD COLUMN target_tags TEXT NULL;
ALTER TABLE invocations ADD COLUMN run_as TEXT NULL;
ALTER TABLE invocations ADD COLUMN environment_json TEXT NOT NULL DEFAULT '{}';
ALTER TABLE instances ADD COLUMN interpreters TEXT NOT NULL DEFAULT '';
