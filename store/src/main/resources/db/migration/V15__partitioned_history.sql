-- Mentions, quotes, search rows and entity days partitioned by publication
-- month (issue 22, docs/architecture.md "Partitioned history",
-- docs/query-plans.md): PostgreSQL's declarative partitioning, RANGE on the
-- publication time, one partition per UTC calendar month.
--
-- A year of a few hundred sources is tens of millions of mentions. Split by
-- month, a date-bounded search, a quote list over a period and a timeline
-- read only the partitions of their months (the planner removes the others),
-- each month's indexes stay the size of a month, and retiring old history is
-- dropping whole partitions instead of deleting row by row.
--
-- Layout: mention, quote and article_search by published_at (timestamptz),
-- bounds [first instant of the month UTC, first instant of the next month
-- UTC); entity_day by day (date), [first day of the month, first day of the
-- next). Partitions are named <table>_pYYYY_MM (mention_p2021_04). There is no
-- DEFAULT partition: a default partition holding a month's rows would stop
-- that month's partition from being created later, so months are created
-- ahead of time instead (create_month_partitions below, called by
-- ingest-service's intake for an article's month and by its daily job for
-- the months to come). A row for a month without partitions fails its insert.
--
-- Every unique key includes the partition key, as PostgreSQL requires: the
-- primary keys of mention and quote are (id, published_at); ids still come
-- from the same sequences and stay unique. No table references mention or
-- quote ids.

-- Creating a partition takes a lock on the tables its foreign keys refer to;
-- taken here for the whole migration, before any table of this one.
LOCK TABLE article, entity IN SHARE ROW EXCLUSIVE MODE;

-- 1. The old tables step aside. Their indexes and keys are dropped (their
-- names go to the new tables); the id sequences are kept for the new tables.
ALTER TABLE mention RENAME TO mention_v14;
ALTER TABLE quote RENAME TO quote_v14;
ALTER TABLE article_search RENAME TO article_search_v14;
ALTER TABLE entity_day RENAME TO entity_day_v14;

ALTER SEQUENCE mention_id_seq OWNED BY NONE;
ALTER SEQUENCE quote_id_seq OWNED BY NONE;
ALTER TABLE mention_v14 ALTER COLUMN id DROP DEFAULT;
ALTER TABLE quote_v14 ALTER COLUMN id DROP DEFAULT;

ALTER TABLE mention_v14 DROP CONSTRAINT mention_pkey;
DROP INDEX mention_entity_idx, mention_article_idx, mention_article_entity_idx;
ALTER TABLE quote_v14 DROP CONSTRAINT quote_pkey;
DROP INDEX quote_article_idx, quote_text_idx, quote_speaker_date_idx, quote_date_idx, quote_form_date_idx;
ALTER TABLE article_search_v14 DROP CONSTRAINT article_search_pkey;
DROP INDEX article_search_vector_idx, article_search_published_idx;
ALTER TABLE entity_day_v14 DROP CONSTRAINT entity_day_pkey;

-- 2. The partitioned tables, columns as before. mention gains its article's
-- publication time, copied as quote.published_at is (V4), which becomes NOT
-- NULL. Keys, foreign keys and indexes come after the rows (step 5): one
-- build per index instead of an update per row.
CREATE TABLE mention (
    id           bigint      NOT NULL DEFAULT nextval('mention_id_seq'),
    article_id   bigint      NOT NULL,
    entity_id    bigint      NOT NULL,
    text         text        NOT NULL,
    begin_offset integer     NOT NULL,
    end_offset   integer     NOT NULL,
    kind         text        NOT NULL,
    -- The article's publication time: the partition key.
    published_at timestamptz NOT NULL
) PARTITION BY RANGE (published_at);
ALTER SEQUENCE mention_id_seq OWNED BY mention.id;

CREATE TABLE quote (
    id                bigint      NOT NULL DEFAULT nextval('quote_id_seq'),
    article_id        bigint      NOT NULL,
    speaker_entity_id bigint,
    speaker           text        NOT NULL DEFAULT '',
    text              text        NOT NULL,
    cue               text        NOT NULL DEFAULT '',
    begin_offset      integer     NOT NULL,
    end_offset        integer     NOT NULL,
    text_vector       tsvector GENERATED ALWAYS AS (to_tsvector('english', text)) STORED,
    -- The article's publication time: the partition key.
    published_at      timestamptz NOT NULL,
    form              text        NOT NULL DEFAULT 'DIRECT',
    CONSTRAINT quote_form_check CHECK (form IN ('DIRECT', 'MIXED', 'INDIRECT'))
) PARTITION BY RANGE (published_at);
ALTER SEQUENCE quote_id_seq OWNED BY quote.id;

CREATE TABLE article_search (
    article_id    bigint      NOT NULL,
    published_at  timestamptz NOT NULL,
    source        text        NOT NULL,
    language      text        NOT NULL,
    search_vector tsvector    NOT NULL
) PARTITION BY RANGE (published_at);
-- As V10 set it: every partition gets it too (create_month_partitions).
ALTER TABLE article_search ALTER COLUMN search_vector SET STATISTICS 1000;

CREATE TABLE entity_day (
    entity_id     bigint           NOT NULL,
    day           date             NOT NULL,
    mention_count bigint           NOT NULL,
    article_count integer          NOT NULL,
    tone_sum      double precision NOT NULL,
    tone_count    integer          NOT NULL
) PARTITION BY RANGE (day);

-- The new tables get the old ones' privileges (whoever runs the migration,
-- default privileges or not).
CREATE FUNCTION copy_table_privileges(source regclass, target regclass) RETURNS void
    LANGUAGE plpgsql SET search_path = public, pg_catalog AS $$
DECLARE
    privilege record;
BEGIN
    FOR privilege IN
        SELECT CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE a.grantee::regrole::text END AS grantee,
               a.privilege_type
        FROM pg_class c CROSS JOIN LATERAL aclexplode(c.relacl) a
        WHERE c.oid = source AND a.grantee <> c.relowner
    LOOP
        EXECUTE format('GRANT %s ON %s TO %s', privilege.privilege_type, target, privilege.grantee);
    END LOOP;
END;
$$;

SELECT copy_table_privileges('mention_v14', 'mention'), copy_table_privileges('quote_v14', 'quote'),
       copy_table_privileges('article_search_v14', 'article_search'),
       copy_table_privileges('entity_day_v14', 'entity_day');

-- A partition's indexes are named after its table's, with the partition's
-- name for the table's (quote_date_idx on quote_p2021_04 is
-- quote_p2021_04_date_idx), so a plan says which index of which month it
-- reads; PostgreSQL's own names spell out the columns instead.
CREATE FUNCTION name_partition_indexes(partition regclass) RETURNS void
    LANGUAGE plpgsql SET search_path = public, pg_catalog AS $$
DECLARE
    child record;
    wanted text;
BEGIN
    FOR child IN
        SELECT ci.relname AS name, pi.relname AS parent_name, pt.relname AS parent_table
        FROM pg_index x
        JOIN pg_class ci ON ci.oid = x.indexrelid
        JOIN pg_inherits inh ON inh.inhrelid = x.indexrelid
        JOIN pg_class pi ON pi.oid = inh.inhparent
        JOIN pg_index px ON px.indexrelid = inh.inhparent
        JOIN pg_class pt ON pt.oid = px.indrelid
        WHERE x.indrelid = partition
    LOOP
        wanted := (SELECT relname FROM pg_class WHERE oid = partition)
                  || substr(child.parent_name, length(child.parent_table) + 1);
        IF child.name <> wanted THEN
            EXECUTE format('ALTER INDEX %I RENAME TO %I', child.name, wanted);
        END IF;
    END LOOP;
END;
$$;

-- 3. One month's partitions of every partitioned table, for the month that
-- contains month_day; idempotent. Returns how many partitions it created (0
-- when the month had them all). Partitions get their table's privileges, so
-- the reader reads a month created long after this migration, and run as the
-- migrations' role (SECURITY DEFINER), which owns the tables: ingest-service's
-- role may create months, not tables. Callers in several sessions (two
-- ingest-service replicas storing the first article of a month) are taken
-- one at a time by the advisory lock; the later finds the partitions made.
-- Creating a partition locks its table against every read for an instant, so
-- a month that exists is left alone without touching its table.
--
-- It also locks the tables its foreign keys refer to (article, entity)
-- against writes, while an analysis writer holds a write lock on article and
-- waits for mention, say, which the creation has locked: each would wait for
-- the other. So the creation waits at most lock_timeout for each lock and
-- then gives up (SQLSTATE 55P03) and releases what it holds, well before
-- PostgreSQL's deadlock check (deadlock_timeout, 1 s) could cancel the
-- writer instead; its caller tries again (MonthPartitions).
CREATE FUNCTION create_month_partitions(month_day date) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_catalog SET lock_timeout = '200ms' AS $$
DECLARE
    first_day  date := CAST(date_trunc('month', month_day) AS date);
    next_first date := CAST(date_trunc('month', month_day) + interval '1 month' AS date);
    suffix     text := to_char(date_trunc('month', month_day), '"_p"YYYY_MM');
    parent     text;
    partition  text;
    created    integer := 0;
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('newsroom.create_month_partitions'));
    FOREACH parent IN ARRAY ARRAY['mention', 'quote', 'article_search', 'entity_day'] LOOP
        partition := parent || suffix;
        CONTINUE WHEN to_regclass(quote_ident(partition)) IS NOT NULL;
        IF parent = 'entity_day' THEN
            EXECUTE format('CREATE TABLE %I PARTITION OF %I FOR VALUES FROM (%L) TO (%L)',
                           partition, parent, first_day, next_first);
        ELSE
            -- Instants written with their zone, so the session's TimeZone cannot move the bounds.
            EXECUTE format('CREATE TABLE %I PARTITION OF %I FOR VALUES FROM (%L) TO (%L)', partition, parent,
                           to_char(first_day, 'YYYY-MM-DD') || ' 00:00:00+00',
                           to_char(next_first, 'YYYY-MM-DD') || ' 00:00:00+00');
        END IF;
        IF parent = 'article_search' THEN
            -- A partition does not inherit its table's statistics target.
            EXECUTE format('ALTER TABLE %I ALTER COLUMN search_vector SET STATISTICS 1000', partition);
        END IF;
        PERFORM copy_table_privileges(CAST(quote_ident(parent) AS regclass), CAST(quote_ident(partition) AS regclass));
        PERFORM name_partition_indexes(CAST(quote_ident(partition) AS regclass));
        created := created + 1;
    END LOOP;
    RETURN created;
END;
$$;
REVOKE ALL ON FUNCTION create_month_partitions(date) FROM PUBLIC;
REVOKE ALL ON FUNCTION copy_table_privileges(regclass, regclass) FROM PUBLIC;
REVOKE ALL ON FUNCTION name_partition_indexes(regclass) FROM PUBLIC;

-- 4. Every month that holds an article or an entity day, and the current
-- month with the three after it (ingest-service's job keeps creating months
-- ahead from then on). Only months with rows: one article dated decades back
-- makes one month, not every month in between.
SELECT create_month_partitions(month)
FROM (SELECT CAST(date_trunc('month', published_at AT TIME ZONE 'UTC') AS date) AS month FROM article
      UNION
      SELECT CAST(date_trunc('month', day) AS date) FROM entity_day_v14
      UNION
      SELECT CAST(date_trunc('month', now() AT TIME ZONE 'UTC') + n * interval '1 month' AS date)
      FROM generate_series(0, 3) n) months
ORDER BY month;

-- 5. The rows, ids kept, then keys, foreign keys and indexes as they were
-- (each index of a partitioned table is built on every partition and on
-- every partition created later). Every mention and quote has its article
-- (foreign key), so the join loses none; the date is the article's.
INSERT INTO mention (id, article_id, entity_id, text, begin_offset, end_offset, kind, published_at)
SELECT m.id, m.article_id, m.entity_id, m.text, m.begin_offset, m.end_offset, m.kind, a.published_at
FROM mention_v14 m JOIN article a ON a.id = m.article_id;

INSERT INTO quote (id, article_id, speaker_entity_id, speaker, text, cue, begin_offset, end_offset,
                   published_at, form)
SELECT q.id, q.article_id, q.speaker_entity_id, q.speaker, q.text, q.cue, q.begin_offset, q.end_offset,
       a.published_at, q.form
FROM quote_v14 q JOIN article a ON a.id = q.article_id;

INSERT INTO article_search (article_id, published_at, source, language, search_vector)
SELECT article_id, published_at, source, language, search_vector FROM article_search_v14;

INSERT INTO entity_day (entity_id, day, mention_count, article_count, tone_sum, tone_count)
SELECT entity_id, day, mention_count, article_count, tone_sum, tone_count FROM entity_day_v14;

ALTER TABLE mention ADD CONSTRAINT mention_pkey PRIMARY KEY (id, published_at),
    ADD CONSTRAINT mention_article_id_fkey FOREIGN KEY (article_id) REFERENCES article (id) ON DELETE CASCADE,
    ADD CONSTRAINT mention_entity_id_fkey FOREIGN KEY (entity_id) REFERENCES entity (id);
CREATE INDEX mention_entity_idx ON mention (entity_id);
CREATE INDEX mention_article_idx ON mention (article_id);
CREATE INDEX mention_article_entity_idx ON mention (article_id, entity_id, begin_offset);

ALTER TABLE quote ADD CONSTRAINT quote_pkey PRIMARY KEY (id, published_at),
    ADD CONSTRAINT quote_article_id_fkey FOREIGN KEY (article_id) REFERENCES article (id) ON DELETE CASCADE,
    ADD CONSTRAINT quote_speaker_entity_id_fkey FOREIGN KEY (speaker_entity_id) REFERENCES entity (id);
CREATE INDEX quote_article_idx ON quote (article_id);
CREATE INDEX quote_text_idx ON quote USING gin (text_vector);
CREATE INDEX quote_speaker_date_idx ON quote (speaker_entity_id, published_at DESC, article_id DESC, begin_offset, id);
CREATE INDEX quote_date_idx ON quote (published_at DESC, article_id DESC, begin_offset, id);
CREATE INDEX quote_form_date_idx ON quote (form, published_at DESC, article_id DESC, begin_offset, id);

-- An article has one search row, in its month's partition.
ALTER TABLE article_search ADD CONSTRAINT article_search_pkey PRIMARY KEY (article_id, published_at),
    ADD CONSTRAINT article_search_article_id_fkey FOREIGN KEY (article_id) REFERENCES article (id) ON DELETE CASCADE;
CREATE INDEX article_search_vector_idx ON article_search USING gin (search_vector);
CREATE INDEX article_search_published_idx ON article_search (published_at DESC, article_id DESC);

ALTER TABLE entity_day ADD CONSTRAINT entity_day_pkey
        PRIMARY KEY (entity_id, day) INCLUDE (mention_count, article_count, tone_sum, tone_count),
    ADD CONSTRAINT entity_day_entity_id_fkey FOREIGN KEY (entity_id) REFERENCES entity (id);

SELECT name_partition_indexes(i.inhrelid)
FROM pg_inherits i
WHERE i.inhparent IN ('mention'::regclass, 'quote'::regclass, 'article_search'::regclass, 'entity_day'::regclass);

DROP TABLE mention_v14, quote_v14, article_search_v14, entity_day_v14;

-- 6. The search row follows its article (V9), now keyed by (article_id,
-- published_at): an article whose publication time changes leaves its old
-- month's row behind by deleting it, and the new row goes to the new month.
CREATE OR REPLACE FUNCTION article_search_keep() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.status = 'ACCEPTED' THEN
        -- Still queued for analysis: not searchable yet, and nothing to compute on intake's path.
        -- An article queued again stays searchable as it was.
        RETURN NULL;
    END IF;
    IF TG_OP = 'UPDATE' AND OLD.status <> 'ACCEPTED'
       AND NEW.title = OLD.title AND NEW.cleaned_text = OLD.cleaned_text
       AND NEW.published_at = OLD.published_at AND NEW.source = OLD.source AND NEW.language = OLD.language THEN
        -- Searchable already, and nothing a search reads has changed (a claim, a status, an analysis).
        RETURN NULL;
    END IF;
    IF TG_OP = 'UPDATE' AND NEW.published_at <> OLD.published_at THEN
        DELETE FROM article_search WHERE article_id = OLD.id AND published_at = OLD.published_at;
    END IF;
    INSERT INTO article_search (article_id, published_at, source, language, search_vector)
    VALUES (NEW.id, NEW.published_at, NEW.source, NEW.language, article_search_vector(NEW.title, NEW.cleaned_text))
    ON CONFLICT (article_id, published_at) DO UPDATE SET source = excluded.source, language = excluded.language,
                                                         search_vector = excluded.search_vector;
    RETURN NULL;
END;
$$;

-- mention and quote copy their article's publication time, and with it the
-- partition they sit in: an article whose time changes takes its rows along
-- (PostgreSQL moves an updated row to the partition of its new key).
-- Ingest never changes a stored article's time; this keeps the copies true
-- when anyone does.
CREATE FUNCTION article_published_at_follow() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE mention SET published_at = NEW.published_at WHERE article_id = NEW.id AND published_at = OLD.published_at;
    UPDATE quote SET published_at = NEW.published_at WHERE article_id = NEW.id AND published_at = OLD.published_at;
    RETURN NULL;
END;
$$;

CREATE TRIGGER article_published_at_follow AFTER UPDATE OF published_at ON article
    FOR EACH ROW WHEN (NEW.published_at IS DISTINCT FROM OLD.published_at)
    EXECUTE FUNCTION article_published_at_follow();

-- Partitioned parents get no statistics from autovacuum; the planner's
-- estimates for the new tables and their partitions now, not later.
ANALYZE mention, quote, article_search, entity_day;
