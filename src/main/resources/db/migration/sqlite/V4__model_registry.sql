-- The model registry: every model version with its file, checksum and provenance (see the PostgreSQL version).
CREATE TABLE models (
    version    TEXT    NOT NULL PRIMARY KEY CHECK (length(version) <= 64),
    sha256     TEXT    NOT NULL CHECK (length(sha256) <= 64),
    size_bytes INTEGER NOT NULL,
    body       BLOB    NOT NULL,
    metadata   TEXT    NOT NULL,
    dev_score  REAL,
    note       TEXT    NOT NULL CHECK (length(note) <= 1000),
    added_at   INTEGER NOT NULL
) STRICT;

-- The changelog: every activation, rollback and shadow change, oldest first.
CREATE TABLE model_events (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    action     TEXT    NOT NULL CHECK (action IN ('activate', 'rollback', 'shadow', 'shadow-off')),
    version    TEXT    REFERENCES models (version),
    created_at INTEGER NOT NULL
) STRICT;

-- What each worker process runs now.
CREATE TABLE model_workers (
    worker         TEXT    NOT NULL PRIMARY KEY CHECK (length(worker) <= 200),
    active_version TEXT    NOT NULL,
    shadow_version TEXT,
    updated_at     INTEGER NOT NULL
) STRICT;

-- Versions a worker refused (checksum, load or smoke test failed), with the reason.
CREATE TABLE model_refusals (
    worker     TEXT    NOT NULL CHECK (length(worker) <= 200),
    version    TEXT    NOT NULL,
    reason     TEXT    NOT NULL CHECK (length(reason) <= 1000),
    refused_at INTEGER NOT NULL,
    PRIMARY KEY (worker, version)
) STRICT;

-- Answers of the shadow candidate on live traffic: never shown to clients.
CREATE TABLE shadow_results (
    text_id       BLOB    NOT NULL REFERENCES texts (id),
    model_version TEXT    NOT NULL,
    language      TEXT    NOT NULL,
    probability   REAL    NOT NULL,
    completed_at  INTEGER NOT NULL,
    PRIMARY KEY (text_id, model_version)
) STRICT, WITHOUT ROWID;
