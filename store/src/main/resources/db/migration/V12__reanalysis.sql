-- Re-analysis on demand (issue 18, docs/ingest.md "Re-analysis"): the
-- ANALYZED articles of a publication-time range analysed again by the NLP
-- service as it is now, without re-ingesting them.
--
-- A job fixes its articles when it starts, one reanalysis_item row each. The
-- analysis worker claims items as it claims fresh articles (FOR UPDATE SKIP
-- LOCKED, a lease in claimed_until, retries after next_attempt_at), but only
-- when no fresh article is due, and an item is marked DONE in the very
-- transaction that writes the article's new analysis: an item is either
-- still PENDING, with the old analysis in place, or DONE, with the new one,
-- so an interrupted job loses nothing and repeats nothing. The article itself
-- stays ANALYZED throughout, and searchable with its old analysis until the
-- new one replaces it.

CREATE TABLE reanalysis_job (
    id           bigserial   PRIMARY KEY,
    -- The publication-time range, start inclusive, end exclusive; null is open.
    range_start  timestamptz,
    range_end    timestamptz,
    -- Items of the job (the ANALYZED articles of the range when it started),
    -- and how many of them are DONE and FAILED. Counted by the transaction
    -- that finishes each item, so progress is one row read.
    total_count  bigint      NOT NULL,
    done_count   bigint      NOT NULL DEFAULT 0,
    failed_count bigint      NOT NULL DEFAULT 0,
    created_at   timestamptz NOT NULL DEFAULT now(),
    -- Set by the transaction that finishes the last pending item.
    finished_at  timestamptz,
    CONSTRAINT reanalysis_job_range_check CHECK (range_start IS NULL OR range_end IS NULL OR range_end > range_start)
);

-- At most one unfinished job per range: starting the same range again resumes
-- it (INSERT ... ON CONFLICT on this index settles two starts at once).
CREATE UNIQUE INDEX reanalysis_job_unfinished_range_key
    ON reanalysis_job ((coalesce(range_start, '-infinity')), (coalesce(range_end, 'infinity')))
    WHERE finished_at IS NULL;

-- One article of a job. Its own attempts, lease and error: the article's
-- columns describe its first analysis and stay as they are.
CREATE TABLE reanalysis_item (
    job_id          bigint      NOT NULL REFERENCES reanalysis_job (id) ON DELETE CASCADE,
    article_id      bigint      NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    state           text        NOT NULL DEFAULT 'PENDING',
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    claimed_until   timestamptz,
    -- The last failed attempt's reason; for a FAILED item, why it was given up.
    last_error      text,
    PRIMARY KEY (job_id, article_id),
    CONSTRAINT reanalysis_item_state_check CHECK (state IN ('PENDING', 'DONE', 'FAILED'))
);

-- The worker's queue of pending items, oldest job first; also answers "is
-- anything of this job still pending" when an item finishes.
CREATE INDEX reanalysis_item_pending_idx ON reanalysis_item (job_id, next_attempt_at, article_id)
    WHERE state = 'PENDING';
-- A job's failures, for its progress report.
CREATE INDEX reanalysis_item_failed_idx ON reanalysis_item (job_id, article_id) WHERE state = 'FAILED';
-- No index on article_id alone: the suite never deletes articles, and one more entry per
-- item would cost every job's start. (An article deleted by hand takes its items with it,
-- and their jobs' counts no longer add up to total_count.)
