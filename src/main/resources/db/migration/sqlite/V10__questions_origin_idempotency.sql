-- Issue 20: the same columns and table as db/migration/postgresql/V10, in SQLite's types (see V1).
ALTER TABLE texts ADD COLUMN origin TEXT NOT NULL DEFAULT 'api' CHECK (origin IN ('api', 'queue'));
ALTER TABLE texts ADD COLUMN languages TEXT;
ALTER TABLE texts ADD COLUMN top_k INTEGER CHECK (top_k >= 1);

CREATE TABLE idempotency_keys (
    idem_key       TEXT    NOT NULL PRIMARY KEY CHECK (length(idem_key) <= 400),
    request_sha256 TEXT    NOT NULL CHECK (length(request_sha256) <= 64),
    text_ids       TEXT    NOT NULL,
    created_at     INTEGER NOT NULL
) STRICT, WITHOUT ROWID;
CREATE INDEX idempotency_keys_created_at ON idempotency_keys (created_at);
