-- What the query service reads to answer in milliseconds over a large store
-- (docs/query.md, docs/query-plans.md): per-(entity, article) rows and
-- co-mention counts kept up to date by ArticleRollups when an analysis is
-- written, an article's tone, quote dates, and trigram indexes for searching
-- names with typos.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- The document tone of the analysis (Sentiment.score, -1..1); null until
-- analysed, and for articles analysed before this migration (their tone sits
-- inside the protobuf-encoded analysis, which SQL cannot read).
ALTER TABLE article ADD COLUMN tone double precision;

-- A quote's date is its article's; copied so quote lists order and filter by
-- date on the quote index alone.
ALTER TABLE quote ADD COLUMN published_at timestamptz;
UPDATE quote q SET published_at = a.published_at FROM article a WHERE a.id = q.article_id;

-- One row per entity and article that mentions it: how often, when, and the
-- article's tone. Entity profiles, timelines and mention-ranked searches are
-- index-only scans of entity_article_timeline_idx instead of aggregates over
-- every mention.
CREATE TABLE entity_article (
    entity_id     bigint      NOT NULL REFERENCES entity (id),
    article_id    bigint      NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    published_at  timestamptz NOT NULL,
    mention_count integer     NOT NULL,
    tone          double precision,
    PRIMARY KEY (entity_id, article_id)
);
CREATE INDEX entity_article_timeline_idx ON entity_article (entity_id, published_at)
    INCLUDE (mention_count, tone, article_id);
CREATE INDEX entity_article_article_idx ON entity_article (article_id);

INSERT INTO entity_article (entity_id, article_id, published_at, mention_count, tone)
SELECT links.entity_id, links.article_id, a.published_at, coalesce(m.n, 0), a.tone
FROM (SELECT DISTINCT article_id, entity_id FROM article_entity) links
JOIN article a ON a.id = links.article_id
LEFT JOIN (SELECT article_id, entity_id, count(*) AS n FROM mention GROUP BY article_id, entity_id) m
       ON m.article_id = links.article_id AND m.entity_id = links.entity_id;

-- Every entity's mentions over all articles, so SearchEntities ranks its
-- candidates by reading one column instead of summing entity_article.
ALTER TABLE entity ADD COLUMN mention_count bigint NOT NULL DEFAULT 0;
UPDATE entity e SET mention_count = totals.n
FROM (SELECT entity_id, sum(mention_count) AS n FROM entity_article GROUP BY entity_id) totals
WHERE totals.entity_id = e.id;

-- For each ordered pair of entities, in how many articles both are mentioned.
-- Both directions are stored, so an entity's co-mentions are one index range.
CREATE TABLE entity_pair (
    entity_id     bigint  NOT NULL REFERENCES entity (id),
    other_id      bigint  NOT NULL REFERENCES entity (id),
    article_count integer NOT NULL,
    PRIMARY KEY (entity_id, other_id)
);
CREATE INDEX entity_pair_top_idx ON entity_pair (entity_id, article_count DESC, other_id);

INSERT INTO entity_pair (entity_id, other_id, article_count)
SELECT x.entity_id, y.entity_id, count(*)
FROM entity_article x JOIN entity_article y ON y.article_id = x.article_id AND y.entity_id <> x.entity_id
GROUP BY x.entity_id, y.entity_id;

-- Fuzzy name search: similarity (%) and substring (LIKE) over name keys.
CREATE INDEX entity_alias_trgm_idx ON entity_alias USING gin (alias_key gin_trgm_ops);

-- Quotes by speaker or by date, newest first, without sorting.
CREATE INDEX quote_speaker_date_idx ON quote (speaker_entity_id, published_at DESC, article_id DESC, begin_offset, id);
CREATE INDEX quote_date_idx ON quote (published_at DESC, article_id DESC, begin_offset, id);
DROP INDEX quote_speaker_idx;

-- Mentions near a quote: an article's mentions of one entity.
CREATE INDEX mention_article_entity_idx ON mention (article_id, entity_id, begin_offset);

-- Filters of SearchArticles.
CREATE INDEX article_source_idx ON article (source, published_at DESC, id DESC);

-- Story roots newest first (ListStories).
CREATE INDEX article_story_root_idx ON article (published_at DESC, id DESC) WHERE story_id = id;
