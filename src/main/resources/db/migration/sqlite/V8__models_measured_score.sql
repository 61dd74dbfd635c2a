-- The score glossa measures on its own check sentences when a model is added (io.glossa.registry.CheckSentences),
-- kept beside the dev score the file claims, so that listing the registry need not load every model again.
ALTER TABLE models ADD COLUMN measured_score REAL;
