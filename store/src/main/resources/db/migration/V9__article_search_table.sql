-- SearchArticles reads its own narrow table (issue 5, BENCHMARKS.md "Query
-- service (issue 5)").
--
-- A search finds the newest matches of its words, walking articles newest
-- first and testing each one's vector, or reading every match from the GIN
-- index and taking the newest; either way it reads a search vector or a date
-- for each article it passes. In the article row the vector (about 1 kB) was
-- stored out of line (TOAST) next to the text, the raw content and the
-- analysis: each article passed cost a TOAST index look-up and two or three
-- pages, 2.7 microseconds (mean 7.4 ms a search over the benchmark's title
-- words at 100,000 articles, single client). In a table of its own the vector
-- stays in the row, many rows share a page, and the same searches took a mean
-- of 3.5 ms. The table holds what a search filters on (date, source,
-- language), so the walk never visits the article row.
--
-- An article is in article_search once it leaves the analysis queue, exactly
-- when V6 filled article.search_vector (docs/ingest.md, "When an article
-- becomes searchable"); the trigger below keeps the row equal to the
-- article's title, text, date, source and language, and the foreign key
-- removes it with the article.
CREATE TABLE article_search (
    article_id    bigint       PRIMARY KEY REFERENCES article (id) ON DELETE CASCADE,
    published_at  timestamptz  NOT NULL,
    source        text         NOT NULL,
    language      text         NOT NULL,
    search_vector tsvector     NOT NULL
);

INSERT INTO article_search (article_id, published_at, source, language, search_vector)
SELECT id, published_at, source, language, search_vector FROM article WHERE search_vector IS NOT NULL;

CREATE INDEX article_search_vector_idx ON article_search USING gin (search_vector);
-- Newest first, as SearchArticles takes its candidates.
CREATE INDEX article_search_published_idx ON article_search (published_at DESC, article_id DESC);

DROP TRIGGER article_search_vector_fill ON article;
DROP FUNCTION article_search_vector_fill();
-- Drops article_search_idx with it.
ALTER TABLE article DROP COLUMN search_vector;

CREATE FUNCTION article_search_keep() RETURNS trigger LANGUAGE plpgsql AS $$
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
    INSERT INTO article_search (article_id, published_at, source, language, search_vector)
    VALUES (NEW.id, NEW.published_at, NEW.source, NEW.language, article_search_vector(NEW.title, NEW.cleaned_text))
    ON CONFLICT (article_id) DO UPDATE SET published_at = excluded.published_at, source = excluded.source,
                                           language = excluded.language, search_vector = excluded.search_vector;
    RETURN NULL;
END;
$$;

CREATE TRIGGER article_search_keep AFTER INSERT OR UPDATE ON article
    FOR EACH ROW EXECUTE FUNCTION article_search_keep();
