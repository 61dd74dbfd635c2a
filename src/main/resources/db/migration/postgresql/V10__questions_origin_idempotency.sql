-- Issue 20: clients beyond glossa's own API.
-- origin: 'api' for texts an API accepted (and published through the outbox); 'queue' for texts an outside producer
-- published straight to the jobs exchange, stored by the worker that took the job (idempotent insert by id).
ALTER TABLE texts ADD COLUMN origin VARCHAR(8) NOT NULL DEFAULT 'api' CHECK (origin IN ('api', 'queue'));
-- The client's question, so that a retry, a replay or a re-verify answers the same one: the candidate languages
-- (comma-separated label codes; NULL = all) and how many candidates to list (NULL = the worker's --top-k).
ALTER TABLE texts ADD COLUMN languages VARCHAR;
ALTER TABLE texts ADD COLUMN top_k INTEGER CHECK (top_k >= 1);

-- Idempotency-Key of POST /api/v1/texts and /api/v1/texts:batch: the first request's digest and its texts' ids
-- (comma-separated, in request order). Not a foreign key: retention deletes keys by created_at, as texts by age.
CREATE TABLE idempotency_keys (
    idem_key       VARCHAR(400)             NOT NULL PRIMARY KEY,
    request_sha256 VARCHAR(64)              NOT NULL,
    text_ids       VARCHAR                  NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX idempotency_keys_created_at ON idempotency_keys (created_at);
