-- Re-verify runs (issue 5): stored texts scored again with a chosen model version through the batch queue. Their
-- answers live here, apart from the client-visible results; the report is kept as JSON once the run is finished.
CREATE TABLE reverify_runs (
    id            UUID                     NOT NULL PRIMARY KEY,
    model_version VARCHAR(64)              NOT NULL,
    selection     VARCHAR(200)             NOT NULL,
    total         BIGINT                   NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at   TIMESTAMP WITH TIME ZONE,
    report        VARCHAR
);

CREATE TABLE reverify_results (
    run_id        UUID                     NOT NULL REFERENCES reverify_runs (id),
    text_id       UUID                     NOT NULL REFERENCES texts (id),
    model_version VARCHAR(64)              NOT NULL,
    language      VARCHAR(16)              NOT NULL,
    probability   DOUBLE PRECISION         NOT NULL,
    completed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (run_id, text_id)
);
