-- Newsroom's store: articles as ingested, their analyses, and the entities and
-- quotes extracted from them, resolved across articles.

-- One submitted article. Its analysis lifecycle lives here too, so that the
-- ingest worker can claim work with FOR UPDATE SKIP LOCKED and a crashed
-- worker's claim simply expires (claimed_until) instead of losing the article.
CREATE TABLE article (
    id              bigserial    PRIMARY KEY,
    url             text,
    source          text         NOT NULL DEFAULT '',
    title           text         NOT NULL DEFAULT '',
    published_at    timestamptz  NOT NULL,
    content_type    text         NOT NULL,
    language        text         NOT NULL,
    raw_content     text         NOT NULL,
    cleaned_text    text         NOT NULL,
    content_sha256  text         NOT NULL,
    status          text         NOT NULL,
    attempts        integer      NOT NULL DEFAULT 0,
    last_error      text,
    next_attempt_at timestamptz  NOT NULL DEFAULT now(),
    claimed_until   timestamptz,
    accepted_at     timestamptz  NOT NULL DEFAULT now(),
    analyzed_at     timestamptz,
    -- The NLP service's Analysis message, protobuf-encoded, once ANALYZED.
    analysis        bytea,
    search_vector   tsvector GENERATED ALWAYS AS (
                        setweight(to_tsvector('english', title), 'A') ||
                        setweight(to_tsvector('english', cleaned_text), 'B')) STORED,
    CONSTRAINT article_status_check CHECK (status IN ('ACCEPTED', 'ANALYZED', 'FAILED'))
);

-- Resubmitting the same URL or the same content returns the stored article.
CREATE UNIQUE INDEX article_url_key ON article (url) WHERE url IS NOT NULL;
CREATE UNIQUE INDEX article_content_key ON article (content_sha256);
-- The worker's queue: only pending articles, in the order they become due.
CREATE INDEX article_pending_idx ON article (next_attempt_at) WHERE status = 'ACCEPTED';
CREATE INDEX article_search_idx ON article USING gin (search_vector);
CREATE INDEX article_published_idx ON article (published_at DESC, id DESC);

-- A real-world person, organization or place, shared by every article that
-- mentions it. name_key is the normalized canonical name (see NameKey).
CREATE TABLE entity (
    id         bigserial   PRIMARY KEY,
    name       text        NOT NULL,
    type       text        NOT NULL,
    name_key   text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX entity_type_name_key ON entity (type, name_key);

-- Every form an entity has been seen under, canonical name included, keyed
-- the same way so "Lavrov" in a later article finds "Sergey Lavrov".
CREATE TABLE entity_alias (
    entity_id bigint NOT NULL REFERENCES entity (id) ON DELETE CASCADE,
    alias     text   NOT NULL,
    alias_key text   NOT NULL,
    PRIMARY KEY (entity_id, alias_key)
);
CREATE INDEX entity_alias_key_idx ON entity_alias (alias_key);

-- Which global entity each document-level entity of an article resolved to.
CREATE TABLE article_entity (
    article_id      bigint           NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    local_entity_id text             NOT NULL,
    entity_id       bigint           NOT NULL REFERENCES entity (id),
    salience        double precision NOT NULL,
    PRIMARY KEY (article_id, local_entity_id)
);
CREATE INDEX article_entity_entity_idx ON article_entity (entity_id);

CREATE TABLE mention (
    id           bigserial PRIMARY KEY,
    article_id   bigint    NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    entity_id    bigint    NOT NULL REFERENCES entity (id),
    text         text      NOT NULL,
    begin_offset integer   NOT NULL,
    end_offset   integer   NOT NULL,
    kind         text      NOT NULL
);
CREATE INDEX mention_entity_idx ON mention (entity_id);
CREATE INDEX mention_article_idx ON mention (article_id);

CREATE TABLE quote (
    id                bigserial PRIMARY KEY,
    article_id        bigint    NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    speaker_entity_id bigint    REFERENCES entity (id),
    speaker           text      NOT NULL DEFAULT '',
    text              text      NOT NULL,
    cue               text      NOT NULL DEFAULT '',
    begin_offset      integer   NOT NULL,
    end_offset        integer   NOT NULL,
    text_vector       tsvector GENERATED ALWAYS AS (to_tsvector('english', text)) STORED
);
CREATE INDEX quote_speaker_idx ON quote (speaker_entity_id);
CREATE INDEX quote_article_idx ON quote (article_id);
CREATE INDEX quote_text_idx ON quote USING gin (text_vector);
