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
