-- API keys (glossa keys create/list/revoke): only the SHA-256 of a key's secret is stored (hex, 64 characters).
CREATE TABLE api_keys (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    name            TEXT    NOT NULL CHECK (length(name) <= 100),
    secret_hash     TEXT    NOT NULL UNIQUE CHECK (length(secret_hash) <= 64),
    created_at      INTEGER NOT NULL,
    revoked_at      INTEGER,
    rate_per_second REAL,
    rate_burst      INTEGER,
    CHECK ((rate_per_second IS NULL) = (rate_burst IS NULL))
) STRICT;
