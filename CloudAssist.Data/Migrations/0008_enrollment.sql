-- Agent enrollment: the address ranges an activation code may be used from, and credential
-- rotation. While a rotation waits for the agent's first call with its new credential, the
-- previous hash stays valid, so an answer lost on the way cannot lock the agent out.

ALTER TABLE activation_codes ADD COLUMN allowed_ranges TEXT NULL;

ALTER TABLE instances ADD COLUMN previous_credential_hash BLOB NULL;
ALTER TABLE instances ADD COLUMN credential_rotation_requested_at INTEGER NULL;
ALTER TABLE instances ADD COLUMN credential_rotated_at INTEGER NULL;
