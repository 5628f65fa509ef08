-- The number of searchable articles per UTC day, so that an entity's
-- timeline can give each period's share of all coverage without counting
-- the period's articles: a monthly timeline counted every article_search
-- row of every month it spans (a million rows a call at 1,000,000
-- articles), where the days of a month are at most 31 rows here.
--
-- A row per day holds the article_search rows published that day (UTC). The
-- trigger below keeps it on every path that changes article_search: the
-- search row's own trigger on article (V9, V15), the foreign key's cascade
-- when an article is deleted (retention, docs/retention.md), and a row moved
-- to another month (PostgreSQL turns that update into a delete and an insert,
-- and fires those triggers). One upsert per search row; a writer holds its
-- day's row until it commits, so analysis writers of the same day take turns
-- for the rest of their (one-article) transaction.
CREATE TABLE article_day (
    day           date    PRIMARY KEY,
    article_count integer NOT NULL CHECK (article_count > 0)
);

INSERT INTO article_day (day, article_count)
SELECT CAST(published_at AT TIME ZONE 'UTC' AS date), count(*)
FROM article_search
GROUP BY 1;

CREATE FUNCTION article_day_keep() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    old_day date;
    new_day date;
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        old_day := CAST(OLD.published_at AT TIME ZONE 'UTC' AS date);
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') THEN
        new_day := CAST(NEW.published_at AT TIME ZONE 'UTC' AS date);
    END IF;
    IF old_day IS NOT DISTINCT FROM new_day THEN
        RETURN NULL;
    END IF;
    IF old_day IS NOT NULL THEN
        -- A day's last article gone: its row goes too, as if the day had never had one.
        DELETE FROM article_day WHERE day = old_day AND article_count = 1;
        IF NOT FOUND THEN
            UPDATE article_day SET article_count = article_count - 1 WHERE day = old_day;
        END IF;
    END IF;
    IF new_day IS NOT NULL THEN
        INSERT INTO article_day AS d (day, article_count) VALUES (new_day, 1)
        ON CONFLICT (day) DO UPDATE SET article_count = d.article_count + 1;
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER article_day_keep AFTER INSERT OR DELETE OR UPDATE OF published_at ON article_search
    FOR EACH ROW EXECUTE FUNCTION article_day_keep();
