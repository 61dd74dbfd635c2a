-- The W3C trace context (traceparent) of the request that submitted the text, kept until the relay publishes the
-- job, so that the worker's log lines carry the request's trace id even when the job is published after a restart
-- or by another API process. NULL: no trace (rows written before this version).
ALTER TABLE outbox ADD COLUMN traceparent TEXT;
