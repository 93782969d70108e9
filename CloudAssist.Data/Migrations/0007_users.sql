-- Console users and their personal API tokens. Passwords are stored only as ASP.NET Core Identity
-- password hashes (PBKDF2); tokens only as SHA-256 of a 256-bit random secret.

CREATE TABLE users (
    id                TEXT    NOT NULL PRIMARY KEY,
    user_name         TEXT    NOT NULL,
    normalized_name   TEXT    NOT NULL,
    role              TEXT    NOT NULL,
    password_hash     TEXT    NOT NULL,
    security_stamp    TEXT    NOT NULL,
    failed_sign_ins   INTEGER NOT NULL,
    locked_until      INTEGER NULL,
    created_at        INTEGER NOT NULL,
    updated_at        INTEGER NOT NULL,
    last_sign_in_at   INTEGER NULL,
    disabled_at       INTEGER NULL
);
CREATE UNIQUE INDEX ux_users_normalized_name ON users (normalized_name);

CREATE TABLE api_tokens (
    id            TEXT    NOT NULL PRIMARY KEY,
    user_id       TEXT    NOT NULL REFERENCES users (id),
    name          TEXT    NOT NULL,
    token_hash    BLOB    NOT NULL,
    created_at    INTEGER NOT NULL,
    expires_at    INTEGER NULL,
    last_used_at  INTEGER NULL,
    revoked_at    INTEGER NULL
);
CREATE UNIQUE INDEX ux_api_tokens_hash ON api_tokens (token_hash);
CREATE INDEX ix_api_tokens_user ON api_tokens (user_id);
