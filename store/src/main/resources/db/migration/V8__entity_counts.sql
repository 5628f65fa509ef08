-- Every entity's articles and quotes over the whole store, so an entity
-- profile (SearchEntities, GetEntity; GetCoMentions' weights) reads two
-- columns of the entity's row, as it reads mention_count (V4), instead of
-- aggregating at query time: summing its entity_day rows (one per day it is
-- mentioned on, ~185 for a popular entity at 100k articles) and counting its
-- quotes on quote_speaker_date_idx (31,681 entries for the most quoted speaker
-- at 100k articles, with heap fetches where the visibility map is not set).
-- Both grow with the store; SearchEntities paid them for each of up to 21
-- profiles a page (docs/query-plans.md). Kept by ArticleRollups in the
-- transaction that writes an analysis.

ALTER TABLE entity ADD COLUMN article_count bigint NOT NULL DEFAULT 0,
                   ADD COLUMN quote_count   bigint NOT NULL DEFAULT 0;

-- One entity_article row per article that mentions the entity.
UPDATE entity e SET article_count = totals.n
FROM (SELECT entity_id, count(*) AS n FROM entity_article GROUP BY entity_id) totals
WHERE totals.entity_id = e.id;

UPDATE entity e SET quote_count = totals.n
FROM (SELECT speaker_entity_id, count(*) AS n FROM quote
      WHERE speaker_entity_id IS NOT NULL GROUP BY speaker_entity_id) totals
WHERE totals.speaker_entity_id = e.id;
