-- Labels users give in the UI ("Wrong? Pick the right language"): kept with their text for training and evaluation.
-- AUTOINCREMENT: ids are never reused, so readers that page by id (train --feedback) never skip a label.
CREATE TABLE feedback (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    text_id    BLOB    NOT NULL REFERENCES texts (id),
    language   TEXT    NOT NULL CHECK (length(language) <= 16),
    created_at INTEGER NOT NULL
) STRICT;

CREATE INDEX feedback_text_id ON feedback (text_id);
