-- Per-day rollups of entity_article, so an entity's counts, tone trend and
-- timeline read one row per day it was mentioned on instead of one row per
-- article (docs/query.md, docs/query-plans.md). Kept by ArticleRollups in the
-- transaction that writes an analysis; weeks and months are sums of days.

-- One row per entity and UTC calendar day with at least one article that
-- mentions the entity: the mentions in those articles, how many articles, and
-- the sum and count of the tones of those that have one (the day's average
-- tone is tone_sum / tone_count). The key includes every figure, so an
-- entity's days are an index-only range scan: its rows are spread over the
-- heap, one page per day, as days are added across all entities.
CREATE TABLE entity_day (
    entity_id     bigint           NOT NULL REFERENCES entity (id),
    day           date             NOT NULL,
    mention_count bigint           NOT NULL,
    article_count integer          NOT NULL,
    tone_sum      double precision NOT NULL,
    tone_count    integer          NOT NULL,
    PRIMARY KEY (entity_id, day) INCLUDE (mention_count, article_count, tone_sum, tone_count)
);

INSERT INTO entity_day (entity_id, day, mention_count, article_count, tone_sum, tone_count)
SELECT entity_id, CAST(published_at AT TIME ZONE 'UTC' AS date), sum(mention_count), count(*),
       coalesce(sum(tone), 0), count(tone)
FROM entity_article
GROUP BY 1, 2;
