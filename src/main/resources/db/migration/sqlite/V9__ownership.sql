-- Ownership (issue 19), as db/migration/postgresql/V9__ownership.sql: texts.api_key_id is the submitting API key
-- (NULL: nobody, e.g. texts stored before this migration, which only admin keys see), feedback.api_key_id the
-- label's author, api_keys.scope 'user' (own data only) or 'admin' (everything).
ALTER TABLE texts ADD COLUMN api_key_id INTEGER;

CREATE INDEX texts_api_key_id_submitted_at ON texts (api_key_id, submitted_at, id);

ALTER TABLE feedback ADD COLUMN api_key_id INTEGER;

ALTER TABLE api_keys ADD COLUMN scope TEXT NOT NULL DEFAULT 'user' CHECK (scope IN ('user', 'admin'));
