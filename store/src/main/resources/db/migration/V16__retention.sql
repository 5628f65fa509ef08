-- Retention (docs/retention.md): whole old months of history removed, by
-- publication month. ingest-service's HistoryRetention removes a month in one
-- transaction: it brings the rollups (entity counts, co-mention counts) and
-- the stories of the remaining articles to what those articles say, deletes
-- the month's articles (their rows in every table that references article
-- go with them, by the foreign keys' ON DELETE actions) and drops the month's
-- partitions of mention, quote, article_search and entity_day (V15) with the
-- function below.

-- Deleting an article makes PostgreSQL look, for each foreign key that
-- references article, for the rows that name it. These three columns had no
-- index to look with (nothing deleted articles before), so each deleted
-- article cost a scan of the whole table. Partial where most rows are null:
-- a copy names its story's root (duplicate_of), an item its stored article.
CREATE INDEX article_duplicate_of_idx ON article (duplicate_of) WHERE duplicate_of IS NOT NULL;
CREATE INDEX source_item_article_idx ON source_item (article_id) WHERE article_id IS NOT NULL;
CREATE INDEX reanalysis_item_article_idx ON reanalysis_item (article_id);

-- Drops the partitions of the month that contains month_day, those that
-- exist; returns how many it dropped. Run as the migrations' role, which owns
-- the tables (SECURITY DEFINER): ingest-service's role may drop months, not
-- tables, and only months it has emptied:
-- * never the current month (UTC), the one before it or any later one, whatever
--   the caller asks (retention keeps at least one whole month);
-- * never a month that still has an article: its mentions, quotes and search
--   row would go without it. The caller deletes the month's articles first, in
--   the same transaction.
-- It takes create_month_partitions' advisory lock, so a month is never created
-- and dropped at once. Dropping a partition locks its table against reads until
-- the transaction ends; it waits at most lock_timeout for the readers before
-- it (a reader's statement ends within query-service's statement timeout) and
-- then gives up (SQLSTATE 55P03), and the caller tries the month again.
CREATE FUNCTION drop_month_partitions(month_day date) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_catalog SET lock_timeout = '2s' AS $$
DECLARE
    first_day  date := CAST(date_trunc('month', month_day) AS date);
    next_first date := CAST(date_trunc('month', month_day) + interval '1 month' AS date);
    suffix     text := to_char(date_trunc('month', month_day), '"_p"YYYY_MM');
    parent     text;
    partition  text;
    dropped    integer := 0;
BEGIN
    IF first_day >= CAST(date_trunc('month', now() AT TIME ZONE 'UTC') - interval '1 month' AS date) THEN
        RAISE EXCEPTION 'month % is too recent to drop: retention keeps the current month and the one before it',
            to_char(first_day, 'YYYY-MM') USING ERRCODE = 'invalid_parameter_value';
    END IF;
    PERFORM pg_advisory_xact_lock(hashtext('newsroom.create_month_partitions'));
    IF EXISTS (SELECT FROM article
               WHERE published_at >= CAST(first_day AS timestamp) AT TIME ZONE 'UTC'
                 AND published_at < CAST(next_first AS timestamp) AT TIME ZONE 'UTC') THEN
        RAISE EXCEPTION 'month % still has articles: delete them before dropping its partitions',
            to_char(first_day, 'YYYY-MM') USING ERRCODE = 'object_not_in_prerequisite_state';
    END IF;
    FOREACH parent IN ARRAY ARRAY['mention', 'quote', 'article_search', 'entity_day'] LOOP
        partition := parent || suffix;
        CONTINUE WHEN to_regclass(quote_ident(partition)) IS NULL;
        EXECUTE format('DROP TABLE %I', partition);
        dropped := dropped + 1;
    END LOOP;
    RETURN dropped;
END;
$$;
REVOKE ALL ON FUNCTION drop_month_partitions(date) FROM PUBLIC;
