-- Re-verify runs: stored texts scored again with a chosen model version through the batch queue.
CREATE TABLE reverify_runs (
    id            BLOB    NOT NULL PRIMARY KEY,
    model_version TEXT    NOT NULL,
    selection     TEXT    NOT NULL CHECK (length(selection) <= 200),
    total         INTEGER NOT NULL,
    created_at    INTEGER NOT NULL,
    finished_at   INTEGER,
    report        TEXT
) STRICT;

CREATE TABLE reverify_results (
    run_id        BLOB    NOT NULL REFERENCES reverify_runs (id),
    text_id       BLOB    NOT NULL REFERENCES texts (id),
    model_version TEXT    NOT NULL,
    language      TEXT    NOT NULL,
    probability   REAL    NOT NULL,
    completed_at  INTEGER NOT NULL,
    PRIMARY KEY (run_id, text_id)
) STRICT, WITHOUT ROWID;
