-- The embedded database (SQLite): the same tables, columns and keys as db/migration/postgresql at each version, in
-- SQLite's types. STRICT tables refuse a value of the wrong type instead of storing it. Ids are 16-byte blobs
-- (big-endian UUIDs), instants INTEGER microseconds since the epoch (UTC): see io.glossa.store.SqliteDialect.
-- WITHOUT ROWID keeps a table keyed by id in its primary-key tree alone, instead of a row tree plus an index.

-- The system of record: one row per accepted text. model_version points at the result clients are shown.
CREATE TABLE texts (
    id            BLOB    NOT NULL PRIMARY KEY,
    lane          TEXT    NOT NULL CHECK (lane IN ('realtime', 'batch')),
    body          TEXT    NOT NULL,
    status        TEXT    NOT NULL CHECK (status IN ('pending', 'done', 'failed')),
    submitted_at  INTEGER NOT NULL,
    completed_at  INTEGER,
    model_version TEXT    CHECK (length(model_version) <= 64),
    error_reason  TEXT    CHECK (length(error_reason) <= 1000)
) STRICT, WITHOUT ROWID;

-- History pages read the newest texts first.
CREATE INDEX texts_submitted_at ON texts (submitted_at);

-- At most one result per text and model version: the primary key is what makes redelivered jobs harmless.
CREATE TABLE results (
    text_id       BLOB    NOT NULL REFERENCES texts (id),
    model_version TEXT    NOT NULL CHECK (length(model_version) <= 64),
    language      TEXT    NOT NULL CHECK (length(language) <= 16),
    name          TEXT    CHECK (length(name) <= 100),
    native_name   TEXT    CHECK (length(native_name) <= 100),
    probability   REAL    NOT NULL,
    top_k         TEXT    NOT NULL, -- JSON array of {language,name,native,probability}
    predict_nanos INTEGER NOT NULL,
    completed_at  INTEGER NOT NULL,
    PRIMARY KEY (text_id, model_version)
) STRICT, WITHOUT ROWID;

-- The transactional outbox: written in the same transaction as the text, deleted once the broker confirmed the job.
-- seq keeps relays oldest-first (the rowid); claims (claim_owner, claimed_until) work as on PostgreSQL.
CREATE TABLE outbox (
    seq           INTEGER PRIMARY KEY,
    text_id       BLOB    NOT NULL UNIQUE REFERENCES texts (id),
    claim_owner   BLOB,
    claimed_until INTEGER
) STRICT;
