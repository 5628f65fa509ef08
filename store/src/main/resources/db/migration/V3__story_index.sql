-- The index behind same-story detection (ingest-service, newsroom.ingest.story).
--
-- Each article with enough text has a MinHash signature of its five-word
-- shingles (128 values of 32 bits) and 32 band keys, each a hash of 4
-- consecutive signature values. A new article looks up its own 32 band keys:
-- the articles sharing one are the only candidates compared, so the cost per
-- article stays the same however large the store grows (no all-pairs scan).

CREATE TABLE story_signature (
    article_id bigint PRIMARY KEY REFERENCES article (id) ON DELETE CASCADE,
    -- 128 big-endian 32-bit MinHash values.
    minhash    bytea  NOT NULL
);

CREATE TABLE story_band (
    band_key   bigint NOT NULL,
    article_id bigint NOT NULL REFERENCES story_signature (article_id) ON DELETE CASCADE,
    PRIMARY KEY (band_key, article_id)
);

-- A story's first report is its own story. Filling story_id at insert (ids
-- come from the sequence before BEFORE triggers run) spares ingest an UPDATE
-- of every new root; an insert that names a story keeps it.
CREATE FUNCTION article_story_defaults_to_self() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.story_id IS NULL THEN
        NEW.story_id := NEW.id;
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER article_story_default BEFORE INSERT ON article
    FOR EACH ROW EXECUTE FUNCTION article_story_defaults_to_self();
