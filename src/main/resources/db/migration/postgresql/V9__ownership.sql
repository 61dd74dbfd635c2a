-- Ownership (issue 19): texts, their results, labels and events belong to the API key that submitted them, and a
-- key sees only its own; an admin-scope key sees everything. Texts stored before this migration, and texts sent
-- without a key (keys not required) or by an outside producer, have no owner (NULL): only admin keys, or an API
-- that needs no keys, see them. No foreign key to api_keys: keys are revoked, never deleted, and the owner is only
-- compared, never joined for texts.
ALTER TABLE texts ADD COLUMN api_key_id BIGINT;

-- A key's history: its own texts, newest first, without scanning everyone's.
CREATE INDEX texts_api_key_id_submitted_at ON texts (api_key_id, submitted_at, id);

-- Who gave a label: training takes only labels whose author owns the text or is an admin (NULL: no key was needed).
ALTER TABLE feedback ADD COLUMN api_key_id BIGINT;

-- 'user': sees its own data; 'admin': sees every key's data, the stats and re-verify runs. Existing keys are users.
ALTER TABLE api_keys ADD COLUMN scope VARCHAR(16) NOT NULL DEFAULT 'user' CHECK (scope IN ('user', 'admin'));
