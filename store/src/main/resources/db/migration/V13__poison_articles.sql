-- Poison articles (issue 19, docs/ingest.md "When analysis fails"): an article
-- whose analysis always times out, or brings nlp-service down, is given up
-- after a bounded number of failed attempts instead of being retried forever.
--
-- `attempts` counts every attempt, outages included; `failed_attempts` only
-- those that were the article's own fault: the NLP service refused it, or
-- timed out or went away on it while it analysed other articles (the
-- analysis worker tells these apart; a real outage never counts here).
-- `last_failed_at` marks the end of the last failed attempt, counted or not,
-- so that the next failure can ask whether anything was analysed in between.
-- `failure_reason` is the gRPC code of the failure an article was given up
-- for (DEADLINE_EXCEEDED, UNAVAILABLE, INVALID_ARGUMENT, ...); set with
-- status FAILED, beside the message in `last_error`.

ALTER TABLE article
    ADD COLUMN failed_attempts integer NOT NULL DEFAULT 0,
    ADD COLUMN last_failed_at  timestamptz,
    ADD COLUMN failure_reason  text;

ALTER TABLE reanalysis_item
    ADD COLUMN failed_attempts integer NOT NULL DEFAULT 0,
    ADD COLUMN last_failed_at  timestamptz;
