-- Issue 17: less work per accepted text. The outbox is keyed by the text's id alone: ids are time-ordered (UUID
-- version 7, strictly increasing within a process), so relays take rows oldest-first by id and the identity column,
-- its sequence and its index go (one index entry and a sequence step less per text). The foreign key to texts goes
-- too: a row is only ever written in the same statement as its text, and retention deletes it in the same
-- transaction as its text, so the check guarded nothing the code does not, and it cost a lookup and a row lock
-- (a WAL record) on the text per accepted text. Pending rows are kept.
ALTER TABLE outbox DROP COLUMN seq;
ALTER TABLE outbox DROP CONSTRAINT outbox_text_id_key;
ALTER TABLE outbox DROP CONSTRAINT outbox_text_id_fkey;
ALTER TABLE outbox ADD PRIMARY KEY (text_id);
