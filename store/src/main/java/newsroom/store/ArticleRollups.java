package newsroom.store;

import jakarta.persistence.EntityManager;

/**
 * Keeps the rows the query service reads instead of aggregating raw mentions
 * (V4 migration): {@code entity_article}, one row per entity and article with
 * its mention count, date and tone; {@code entity_pair}, how many articles
 * each pair of entities shares; {@code entity.mention_count}; (V5)
 * {@code entity_day}, an entity's mentions, articles and tones per UTC day,
 * summed from its entity_article rows; and (V8) {@code entity.article_count}
 * and {@code entity.quote_count}, the articles that mention the entity and the
 * quotes it is the speaker of. Whoever writes an article's analysis calls
 * {@link #remove} before deleting the article's old rows (quotes included)
 * and {@link #add} after writing the new ones (and the article's tone), in one
 * transaction.
 */
public final class ArticleRollups {

    // Pairs are inserted in key order, so concurrent writers lock shared pair rows in one order.
    private static final String ADD_PAIRS = """
            INSERT INTO entity_pair (entity_id, other_id, article_count)
            SELECT x.entity_id, y.entity_id, 1
            FROM entity_article x JOIN entity_article y ON y.article_id = x.article_id AND y.entity_id <> x.entity_id
            WHERE x.article_id = :article
            ORDER BY x.entity_id, y.entity_id
            ON CONFLICT (entity_id, other_id) DO UPDATE SET article_count = entity_pair.article_count + 1
            """;

    private static final String ADD_ENTITY_ARTICLES = """
            INSERT INTO entity_article (entity_id, article_id, published_at, mention_count, tone)
            SELECT links.entity_id, a.id, a.published_at,
                   (SELECT count(*) FROM mention m WHERE m.article_id = a.id AND m.entity_id = links.entity_id),
                   a.tone
            FROM (SELECT DISTINCT entity_id FROM article_entity WHERE article_id = :article) links
            JOIN article a ON a.id = :article
            """;

    // Entity rows are locked in id order first, so concurrent writers never wait on each other in a cycle.
    // NO KEY UPDATE (what updating the counts takes anyway), not UPDATE: the writer already holds
    // KEY SHARE locks on these rows from inserting mentions, quotes and links that reference them,
    // and so may another writer; FOR UPDATE would wait on those, each writer on the other's
    // (deadlock, seen in IngestCrashIT's logs with two worker threads).
    private static final String LOCK_ENTITIES = """
            SELECT e.id FROM entity e
            WHERE e.id IN (SELECT entity_id FROM entity_article WHERE article_id = :article)
            ORDER BY e.id
            FOR NO KEY UPDATE
            """;

    // Each entity has one entity_article row per article, so the article counts by one. The quotes
    // counted are the article's quote rows with the entity as speaker: AnalysisWriter only names a
    // speaker it has linked to the article (an entity of the analysis resolved to a global one,
    // else the quote has no speaker), so every speaker of the article's quotes has an
    // entity_article row here, and the entity rows updated are those LOCK_ENTITIES locked.
    private static final String COUNT_ENTITIES = """
            UPDATE entity e SET mention_count = e.mention_count %1$s ea.mention_count,
                                article_count = e.article_count %1$s 1,
                                quote_count = e.quote_count %1$s (SELECT count(*) FROM quote q
                                    WHERE q.article_id = ea.article_id AND q.speaker_entity_id = ea.entity_id)
            FROM entity_article ea
            WHERE ea.article_id = :article AND e.id = ea.entity_id
            """;

    // The article's day, as entity_day keys it.
    private static final String ARTICLE_DAY = "CAST(ea.published_at AT TIME ZONE 'UTC' AS date)";

    // Like pairs, in key order; the rows touched belong to the entities locked by LOCK_ENTITIES, so
    // two writers that share a day row have already been ordered by that lock.
    private static final String ADD_DAYS = """
            INSERT INTO entity_day AS d (entity_id, day, mention_count, article_count, tone_sum, tone_count)
            SELECT ea.entity_id, %1$s, ea.mention_count, 1, coalesce(ea.tone, 0),
                   CASE WHEN ea.tone IS NULL THEN 0 ELSE 1 END
            FROM entity_article ea
            WHERE ea.article_id = :article
            ORDER BY ea.entity_id
            ON CONFLICT (entity_id, day) DO UPDATE SET
                mention_count = d.mention_count + excluded.mention_count,
                article_count = d.article_count + 1,
                tone_sum = d.tone_sum + excluded.tone_sum,
                tone_count = d.tone_count + excluded.tone_count
            """.formatted(ARTICLE_DAY);

    // The entity_article rows still hold the date and tone the article was added with.
    private static final String REMOVE_DAYS = """
            UPDATE entity_day d SET mention_count = d.mention_count - ea.mention_count,
                                    article_count = d.article_count - 1,
                                    tone_sum = d.tone_sum - coalesce(ea.tone, 0),
                                    tone_count = d.tone_count - CASE WHEN ea.tone IS NULL THEN 0 ELSE 1 END
            FROM entity_article ea
            WHERE ea.article_id = :article AND d.entity_id = ea.entity_id AND d.day = %1$s
            """.formatted(ARTICLE_DAY);

    private static final String DELETE_EMPTY_DAYS = """
            DELETE FROM entity_day d USING entity_article ea
            WHERE ea.article_id = :article AND d.entity_id = ea.entity_id AND d.day = %1$s
              AND d.article_count <= 0
            """.formatted(ARTICLE_DAY);

    private static final String REMOVE_PAIRS = """
            UPDATE entity_pair p SET article_count = p.article_count - 1
            FROM entity_article x JOIN entity_article y ON y.article_id = x.article_id AND y.entity_id <> x.entity_id
            WHERE x.article_id = :article AND p.entity_id = x.entity_id AND p.other_id = y.entity_id
            """;

    // Pairs whose count REMOVE_PAIRS brought to zero, among the article's entities' rows of
    // entity_pair_pkey (entity_id leads it).
    private static final String DELETE_EMPTY_PAIRS = """
            DELETE FROM entity_pair WHERE article_count <= 0
              AND entity_id IN (SELECT entity_id FROM entity_article WHERE article_id = :article)
            """;

    // entity_article_article_idx.
    private static final String DELETE_ENTITY_ARTICLES = "DELETE FROM entity_article WHERE article_id = :article";

    private ArticleRollups() {
    }

    /** Adds the article's entities, as its {@code article_entity}, {@code mention} and {@code quote} rows now say. */
    public static void add(EntityManager entityManager, long articleId) {
        entityManager.flush();
        run(entityManager, ADD_ENTITY_ARTICLES, articleId);
        lockEntities(entityManager, articleId);
        run(entityManager, COUNT_ENTITIES.formatted("+"), articleId);
        run(entityManager, ADD_PAIRS, articleId);
        run(entityManager, ADD_DAYS, articleId);
    }

    /**
     * Takes the article's entities out again, before its analysis is replaced:
     * before its old {@code quote} rows are deleted, which it counts.
     */
    public static void remove(EntityManager entityManager, long articleId) {
        lockEntities(entityManager, articleId);
        run(entityManager, COUNT_ENTITIES.formatted("-"), articleId);
        run(entityManager, REMOVE_PAIRS, articleId);
        run(entityManager, DELETE_EMPTY_PAIRS, articleId);
        run(entityManager, REMOVE_DAYS, articleId);
        run(entityManager, DELETE_EMPTY_DAYS, articleId);
        run(entityManager, DELETE_ENTITY_ARTICLES, articleId);
    }

    private static void lockEntities(EntityManager entityManager, long articleId) {
        entityManager.createNativeQuery(LOCK_ENTITIES).setParameter("article", articleId).getResultList();
    }

    private static void run(EntityManager entityManager, String sql, long articleId) {
        entityManager.createNativeQuery(sql).setParameter("article", articleId).executeUpdate();
    }
}
