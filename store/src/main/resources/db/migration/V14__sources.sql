-- Followed sources (issue 20, docs/sources.md): feeds and sitemaps that
-- ingest-service fetches on their own schedules, shared by every replica.

-- One followed feed or sitemap, with its schedule, its conditional-GET state
-- and its lease. A replica claims a due source with FOR UPDATE SKIP LOCKED and
-- sets lease_until; a replica that dies mid-fetch loses nothing, the source
-- comes due again to the others when its lease ends (as article claims do).
CREATE TABLE source (
    id                   bigserial    PRIMARY KEY,
    url                  text         NOT NULL,
    name                 text         NOT NULL DEFAULT '',
    -- RSS, ATOM, SITEMAP, SITEMAP_INDEX, GOOGLE_NEWS_SITEMAP; NULL until fetched.
    kind                 text,
    requested_interval   interval     NOT NULL,
    fetch_interval       interval     NOT NULL,
    paused               boolean      NOT NULL DEFAULT false,
    created_at           timestamptz  NOT NULL DEFAULT now(),
    next_fetch_at        timestamptz  NOT NULL DEFAULT now(),
    last_fetch_at        timestamptz,
    last_new_item_at     timestamptz,
    -- FETCHED, NOT_MODIFIED, DISALLOWED_BY_ROBOTS, FAILED; NULL until fetched.
    last_outcome         text,
    last_error           text,
    consecutive_failures integer      NOT NULL DEFAULT 0,
    items_seen           bigint       NOT NULL DEFAULT 0,
    articles_accepted    bigint       NOT NULL DEFAULT 0,
    -- Conditional GET: what the server sent last time, and the body's hash,
    -- so an unchanged body is not parsed again when validators are missing.
    etag                 text,
    last_modified        text,
    body_sha256          text,
    lease_owner          text,
    lease_until          timestamptz,
    CONSTRAINT source_kind_check CHECK (kind IN ('RSS', 'ATOM', 'SITEMAP', 'SITEMAP_INDEX', 'GOOGLE_NEWS_SITEMAP')),
    CONSTRAINT source_outcome_check CHECK (last_outcome IN ('FETCHED', 'NOT_MODIFIED', 'DISALLOWED_BY_ROBOTS', 'FAILED'))
);
CREATE UNIQUE INDEX source_url_key ON source (url);
-- The schedulers' queue: sources that are not paused, in the order they come due.
CREATE INDEX source_due_idx ON source (next_fetch_at) WHERE NOT paused;

-- Every item a source has listed, by its identity: the guid (or Atom id) when
-- the item has one, else its normalised link. An item whose title or date
-- changes keeps its key and is not a new item.
CREATE TABLE source_item (
    source_id  bigint      NOT NULL REFERENCES source (id) ON DELETE CASCADE,
    item_key   text        NOT NULL,
    url        text        NOT NULL,
    first_seen timestamptz NOT NULL DEFAULT now(),
    -- The article stored from the item's page; NULL when it was skipped.
    article_id bigint      REFERENCES article (id) ON DELETE SET NULL,
    -- Fetches of the item's page that failed (a 503, a timeout, the site down):
    -- such an item is new again at the source's next fetches until its page
    -- has failed this many times (SourceFetch.MAX_PAGE_FAILURES), so that a
    -- passing outage loses no article.
    page_failures integer  NOT NULL DEFAULT 0,
    PRIMARY KEY (source_id, item_key)
);

-- Politeness across replicas: the earliest time the next request to a host
-- may start. Each request reserves the next slot in one statement, so two
-- replicas never hit one host closer together than its delay.
CREATE TABLE fetch_host (
    host      text        PRIMARY KEY,
    next_slot timestamptz NOT NULL
);

-- What an article fetched from a source keeps beside what a client submits.
ALTER TABLE article
    ADD COLUMN author                   text    NOT NULL DEFAULT '',
    ADD COLUMN canonical_url            text,
    ADD COLUMN published_time_estimated boolean NOT NULL DEFAULT false,
    ADD COLUMN source_id                bigint  REFERENCES source (id) ON DELETE SET NULL;
-- "Is this page stored already?" is asked by normalised link and by canonical URL.
CREATE INDEX article_canonical_url_idx ON article (canonical_url) WHERE canonical_url IS NOT NULL;
