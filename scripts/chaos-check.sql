-- The exactly-once check of scripts/chaos.sh and WorkerCrashIT (one definition for both).
-- Input: table chaos_accepted(id uuid), the ids `glossa load --accepted-ids` wrote (every text answered 202).
-- Output: one row. A text is
--   missing     when it has no result at all (pending for ever, or failed: failed texts have no result row),
--   duplicated  when it has more results than model versions, i.e. two results for one version. The results table's
--               primary key forbids that; it is counted from the rows anyway, so the check does not trust the schema.
-- failed counts the accepted texts marked failed (a subset of missing); not_stored the accepted ids with no text row;
-- repeated_ids ids the API answered 202 for more than once; outbox the jobs not yet confirmed by the broker.
WITH accepted AS (SELECT DISTINCT id FROM chaos_accepted),
per_text AS (
    SELECT a.id, count(r.text_id) AS results, count(DISTINCT r.model_version) AS versions
    FROM accepted a LEFT JOIN results r ON r.text_id = a.id
    GROUP BY a.id)
SELECT (SELECT count(*) FROM accepted)                                       AS accepted,
       (SELECT coalesce(sum(results), 0) FROM per_text)                      AS results,
       (SELECT count(*) FROM per_text WHERE results = 0)                     AS missing,
       (SELECT count(*) FROM per_text WHERE results > versions)              AS duplicated,
       (SELECT count(*) FROM accepted a JOIN texts t ON t.id = a.id WHERE t.status = 'failed') AS failed,
       (SELECT count(*) FROM accepted a WHERE NOT EXISTS (SELECT 1 FROM texts t WHERE t.id = a.id)) AS not_stored,
       (SELECT count(*) - count(DISTINCT id) FROM chaos_accepted)            AS repeated_ids,
       (SELECT count(*) FROM outbox)                                         AS outbox;
