-- Less work in PostgreSQL for each article intake stores (BENCHMARKS.md, "Ingest (issue 4)").
--
-- 1. Full-text search vectors are computed when an article leaves the analysis
-- queue, not when it is accepted (docs/ingest.md, "When an article becomes
-- searchable").
--
-- As a generated column (V1), article.search_vector cost every intake insert
-- a to_tsvector of the title and the whole text plus its GIN index entry:
-- about 70% of the insert's time in PostgreSQL, on the path of a request
-- that must answer within milliseconds. It is now a plain column, with the
-- same name, values and GIN index (query-service's SearchArticles reads it
-- unchanged), filled by the trigger below when the article's status is, or
-- becomes, anything but ACCEPTED: in the analysis writer's transaction
-- (ANALYZED), when the worker gives up (FAILED), or at insert for a language
-- Newsroom does not analyse (UNSUPPORTED_LANGUAGE). Those updates already
-- write a new version of the row and its index entries, so the vector costs
-- no extra row version. An article waiting for analysis (ACCEPTED) is not
-- yet searchable.

-- The one definition of an article's search vector: the title weighs more
-- than the text. Writers that load rows themselves (benchmarks, tests) call
-- it too.
CREATE FUNCTION article_search_vector(title text, cleaned_text text) RETURNS tsvector
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', cleaned_text), 'B')
$$;

-- Keeps every stored value: the column is no longer recomputed, the GIN index stays.
ALTER TABLE article ALTER COLUMN search_vector DROP EXPRESSION;

CREATE FUNCTION article_search_vector_fill() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.status = 'ACCEPTED' THEN
        -- Still queued for analysis: not searchable yet, and nothing to compute on intake's path.
        RETURN NEW;
    END IF;
    IF NEW.search_vector IS NULL
       OR (TG_OP = 'UPDATE' AND (NEW.title IS DISTINCT FROM OLD.title
                                 OR NEW.cleaned_text IS DISTINCT FROM OLD.cleaned_text)) THEN
        NEW.search_vector := article_search_vector(NEW.title, NEW.cleaned_text);
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER article_search_vector_fill BEFORE INSERT OR UPDATE ON article
    FOR EACH ROW EXECUTE FUNCTION article_search_vector_fill();

-- 2. The same-story index (V3) as one array per article instead of one row per
-- band key: story_band cost every intake 32 heap rows and 32 b-tree entries,
-- more than the article row itself; a band_keys array on the signature row
-- with a GIN index costs one row and the index entries. fastupdate is off: a
-- pending list would make every look-up scan it, and its flush would land on
-- whichever intake happened to fill it. A new article's candidates are the
-- signatures sharing one of its band keys (band_keys && its keys), as before.
ALTER TABLE story_signature ADD COLUMN band_keys bigint[];
UPDATE story_signature s SET band_keys = coalesce(
    (SELECT array_agg(b.band_key ORDER BY b.band_key) FROM story_band b WHERE b.article_id = s.article_id), '{}');
ALTER TABLE story_signature ALTER COLUMN band_keys SET NOT NULL;
CREATE INDEX story_signature_band_idx ON story_signature USING gin (band_keys) WITH (fastupdate = off);
DROP TABLE story_band;
