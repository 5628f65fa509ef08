-- SearchEntities' matching step as a function, so a search and the profiles
-- of the entities it finds are one statement (issue 5: each statement of a
-- call costs a round trip and its share of CPU in the service and in
-- PostgreSQL, which queueing for 2 cores multiplies).
--
-- An entity matches when one of its name keys (the canonical name is among
-- the aliases) equals the key, has it at the start of a word ("lav" and
-- "lavrov" find "sergey lavrov"), or is similar to it by trigrams (pg_trgm's
-- %, similarity >= pg_trgm.similarity_threshold, 0.3 by default: "lavrof").
-- LIKE and % use the trigram index entity_alias_trgm_idx; the word test then
-- drops matches inside a word. Exact matches rank first, then word matches,
-- then similar ones; within each, the most mentioned first, then the oldest
-- entity. Keys hold only letters, digits and single spaces, so a key is safe
-- inside a LIKE pattern.
--
-- The planner prices similarity() like any function and, left alone, reads
-- every alias (a sequential scan, or a full scan of entity_alias_pkey for a
-- long name) computing similarity for each: 5 to 20 ms for a few thousand
-- aliases against 0.4 to 1.5 ms for a bitmap scan of the trigram index
-- (docs/query-plans.md). The SET clauses allow only bitmap scans while the
-- function runs; the statement that calls it keeps the defaults (index-only
-- scans for the profiles).
--
-- The LIKE and % candidates are read by two scans of the trigram index, not
-- one scan of both conditions: the index's candidates are checked again on
-- the rows, and a short key such as "u s" has trigrams shared by hundreds of
-- aliases; with one scan every LIKE candidate also computed its similarity
-- (about 460 of them for "u s"), with two each condition checks only its own
-- candidates (a call, round trip included, 0.95 ms against 1.9 to 2.6 over
-- ten names at 100,000 articles). An alias found by both counts once
-- (bool_or).
--
-- PL/pgSQL rather than SQL: PL/pgSQL keeps the statement's plan for the
-- session (planning it took about 1 ms of a 2.5 ms call for "u s" as an SQL
-- function, planned again at every call; 1.4 ms a call as PL/pgSQL).
--
-- Rows come in rank order; callers number them WITH ORDINALITY.
CREATE FUNCTION entity_search(search_key text, only_type text, skip_rows integer, max_rows integer)
    RETURNS TABLE (entity_id bigint)
    LANGUAGE plpgsql STABLE
    -- At most a page and one more row (the default estimate, 1000, misleads the caller's plan).
    ROWS 20
    SET enable_seqscan = off
    SET enable_indexscan = off
    SET enable_indexonlyscan = off
AS $$
BEGIN
    RETURN QUERY
    SELECT matched.entity_id
    FROM (SELECT al.entity_id, bool_or(al.alias_key = search_key) AS exact,
                 bool_or(strpos(' ' || al.alias_key, ' ' || search_key) > 0) AS word,
                 bool_or(al.alias_key % search_key) AS similar
          FROM (SELECT a.entity_id, a.alias_key FROM entity_alias a
                WHERE a.alias_key LIKE '%' || search_key || '%'
                UNION ALL
                SELECT a.entity_id, a.alias_key FROM entity_alias a
                WHERE a.alias_key % search_key) al
          JOIN entity e ON e.id = al.entity_id
          WHERE only_type IS NULL OR e.type = only_type
          GROUP BY al.entity_id) matched
    JOIN entity e ON e.id = matched.entity_id
    WHERE matched.word OR matched.similar
    ORDER BY matched.exact DESC, matched.word DESC, e.mention_count DESC, matched.entity_id
    OFFSET skip_rows LIMIT max_rows;
END
$$;
