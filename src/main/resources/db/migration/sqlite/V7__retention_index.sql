-- Retention deletes texts by age; every table that refers to a text needs an index on text_id, or each deleted text
-- costs a scan of that table. reverify_results is keyed (run_id, text_id), so it gets its own.
CREATE INDEX reverify_results_text_id ON reverify_results (text_id);
