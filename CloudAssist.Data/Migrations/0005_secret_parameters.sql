-- Values of secret parameters, kept only until the invocation ends so agents can be sent them;
-- never returned by the API and cleared when the invocation reaches a final status.

ALTER TABLE invocations ADD COLUMN secret_values_json TEXT NULL;
