-- Same-story clusters and languages Newsroom does not analyse.
--
-- A story is the set of reports of one news event: the first report stored is
-- the story's root, and every later syndicated or lightly edited copy points at
-- it. story_id is the root's id for every report, the root included, so that a
-- story's reports are one index lookup; duplicate_of is null for the root and
-- the root's id for the copies. Ingest fills both (see docs/ingest.md); the
-- query side reads them (ListStories, GetStory).

ALTER TABLE article ADD COLUMN story_id     bigint REFERENCES article (id);
ALTER TABLE article ADD COLUMN duplicate_of bigint REFERENCES article (id);

-- Articles stored before stories existed are each their own story.
UPDATE article SET story_id = id WHERE story_id IS NULL;

CREATE INDEX article_story_idx ON article (story_id, published_at, id);

-- Non-English articles are kept, marked, and never sent to the English pipeline.
ALTER TABLE article DROP CONSTRAINT article_status_check;
ALTER TABLE article ADD CONSTRAINT article_status_check
    CHECK (status IN ('ACCEPTED', 'ANALYZED', 'FAILED', 'UNSUPPORTED_LANGUAGE'));
