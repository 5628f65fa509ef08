-- Issue 18: every attribution is a quote (reported speech as well as quoted
-- words), and the events an analysis reports become rows that the query
-- service answers from (ListEvents) instead of bytes inside the analysis.

-- How a quote gives the speaker's words: the name of
-- newsroom.nlp.v1.AttributionForm, as mention.kind and entity.type hold their
-- enums' names. Every quote stored before this migration is a direct quote
-- (nlp-service extracted nothing else), and so is a quote written without a
-- form, as ATTRIBUTION_FORM_UNSPECIFIED reads. With a constant default the
-- column is added without rewriting the table; every row is kept.
ALTER TABLE quote ADD COLUMN form text NOT NULL DEFAULT 'DIRECT',
                  ADD CONSTRAINT quote_form_check CHECK (form IN ('DIRECT', 'MIXED', 'INDIRECT'));

-- ListQuotes by form, newest first, stops after the page as it does by
-- speaker. Without it the form is a filter on quote_date_idx, and a form that
-- few quotes have walks the whole index for one page: until a store is
-- re-analysed no quote is MIXED or INDIRECT, so asking for them read every
-- quote. The planner weighs this index against quote_speaker_date_idx when a
-- speaker is given too (the speaker's quotes with the form as a filter).
CREATE INDEX quote_form_date_idx ON quote (form, published_at DESC, article_id DESC, begin_offset, id);

-- Something an article reports happening (newsroom.nlp.v1.Event), with its
-- date kept apart from the article's: date_value is the TIMEX value the
-- sentence's date resolved to, as nlp-service gave it ('2021-04-06',
-- '2021-04', '2021-W14'; empty when the sentence has none), and
-- date_first_day the first calendar day of the period it names (null when it
-- names none, such as 'PRESENT_REF'). published_at is the article's, copied
-- as quote.published_at is. Offsets are the reporting sentence's, in UTF-16
-- code units into the article's cleaned text.
--
-- Articles analysed before this migration have no rows here: their events sit
-- inside the protobuf-encoded analysis, which SQL cannot read. They gain them
-- when analysed again.
CREATE TABLE event (
    id                 bigserial   PRIMARY KEY,
    article_id         bigint      NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    type               text        NOT NULL,
    trigger            text        NOT NULL,
    topic              text        NOT NULL DEFAULT '',
    location_entity_id bigint      REFERENCES entity (id),
    date_value         text        NOT NULL DEFAULT '',
    date_first_day     date,
    published_at       timestamptz NOT NULL,
    begin_offset       integer     NOT NULL,
    end_offset         integer     NOT NULL,
    CONSTRAINT event_type_check CHECK (type IN ('TYPE_UNSPECIFIED', 'MEET', 'VISIT', 'DISCUSS', 'AGREE',
                                                'CRITICIZE', 'ANNOUNCE'))
);
-- An article's events are deleted before its analysis is written again.
CREATE INDEX event_article_idx ON event (article_id);

-- The global entities that took part in an event: its actors and its
-- participants, each in order of appearance (position, from 0 within the
-- role). An entity takes part at most once: an actor is never also a
-- participant. The columns after position are the event's, copied so that an
-- entity's events, latest first and filtered by type, are one range of
-- event_entity_timeline_idx (as entity_article copies the article's date):
-- happened_at is where ListEvents places the event in time, the first instant
-- (UTC) of its date's first day, or its article's publication time when the
-- event has no date (date_first_day is null).
CREATE TABLE event_entity (
    event_id     bigint      NOT NULL REFERENCES event (id) ON DELETE CASCADE,
    entity_id    bigint      NOT NULL REFERENCES entity (id),
    role         text        NOT NULL,
    position     integer     NOT NULL,
    event_type   text        NOT NULL,
    happened_at  timestamptz NOT NULL,
    article_id   bigint      NOT NULL,
    begin_offset integer     NOT NULL,
    PRIMARY KEY (event_id, entity_id),
    CONSTRAINT event_entity_role_check CHECK (role IN ('ACTOR', 'PARTICIPANT'))
);
CREATE INDEX event_entity_timeline_idx
    ON event_entity (entity_id, happened_at DESC, article_id DESC, begin_offset, event_id);
