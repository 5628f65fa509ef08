package newsroom.ingest.story;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hibernate.Session;

/**
 * The stored MinHash-LSH index ({@code story_signature}, {@code story_band},
 * migration V3). Both methods run inside the caller's transaction, so articles
 * and their index rows are committed together or not at all. Both take a
 * whole batch of new articles: one statement (one round trip) per batch,
 * however many articles it holds.
 */
@ApplicationScoped
public class StoryIndex {

    private final EntityManager entityManager;

    public StoryIndex(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * For each new article, in order, the earlier article that tells the same story, if any:
     * a stored one or one before it in {@code articles} (a copy of an article of the same batch
     * joins that article's story, as it would had they come one by one).
     */
    public List<Optional<StoryMatch>> findSameStories(List<SignedArticle> articles) {
        Map<Long, List<StoryCandidate>> byBand = storedCandidates(articles);
        List<Optional<StoryMatch>> matches = new ArrayList<>(articles.size());
        for (SignedArticle article : articles) {
            long[] keys = article.signature().bandKeys();
            Map<Long, StoryCandidate> candidates = new LinkedHashMap<>();
            for (long key : keys) {
                for (StoryCandidate candidate : byBand.getOrDefault(key, List.of())) {
                    candidates.putIfAbsent(candidate.articleId(), candidate);
                }
            }
            Optional<StoryMatch> match = SameStoryRule.bestMatch(article.signature(), candidates.values());
            matches.add(match);
            // Later articles of the batch may be copies of this one.
            StoryCandidate self = new StoryCandidate(article.articleId(),
                    match.map(StoryMatch::storyId).orElse(article.articleId()), article.signature());
            for (long key : keys) {
                List<StoryCandidate> band = byBand.computeIfAbsent(key, k -> new ArrayList<>());
                if (band.isEmpty() || band.get(band.size() - 1) != self) {
                    band.add(self);
                }
            }
        }
        return matches;
    }

    /** Indexes newly stored articles so later copies find them. */
    public void add(List<SignedArticle> articles) {
        if (articles.isEmpty()) {
            return;
        }
        session().doWork(connection -> {
            // One statement per article (the signature row, then one band row per distinct key),
            // all sent as one batch: one round trip.
            try (PreparedStatement insert = connection.prepareStatement("""
                    WITH signature AS (
                        INSERT INTO story_signature (article_id, minhash) VALUES (?, ?) RETURNING article_id)
                    INSERT INTO story_band (band_key, article_id)
                    SELECT DISTINCT k, signature.article_id FROM signature, unnest(?) AS k""")) {
                for (SignedArticle article : articles) {
                    insert.setLong(1, article.articleId());
                    insert.setBytes(2, article.signature().toBytes());
                    insert.setArray(3, bigints(connection, article.signature().bandKeys()));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }

    /** The stored articles sharing a band key with any of {@code articles}, by band key. */
    private Map<Long, List<StoryCandidate>> storedCandidates(List<SignedArticle> articles) {
        Map<Long, List<StoryCandidate>> byBand = new HashMap<>();
        if (articles.isEmpty()) {
            return byBand;
        }
        long[] keys = articles.stream().flatMapToLong(article -> Arrays.stream(article.signature().bandKeys()))
                .distinct().toArray();
        session().doWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement("""
                    SELECT b.band_key, s.article_id, a.story_id, s.minhash
                    FROM story_band b
                    JOIN story_signature s ON s.article_id = b.article_id
                    JOIN article a ON a.id = b.article_id
                    WHERE b.band_key = ANY (?)""")) {
                select.setArray(1, bigints(connection, keys));
                Map<Long, StoryCandidate> read = new HashMap<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        long articleId = rows.getLong(2);
                        StoryCandidate candidate = read.get(articleId);
                        if (candidate == null) {
                            candidate = new StoryCandidate(articleId, rows.getLong(3),
                                    ShingleSignature.fromBytes(rows.getBytes(4)));
                            read.put(articleId, candidate);
                        }
                        byBand.computeIfAbsent(rows.getLong(1), k -> new ArrayList<>()).add(candidate);
                    }
                }
            }
        });
        return byBand;
    }

    private Session session() {
        return entityManager.unwrap(Session.class);
    }

    private static Array bigints(Connection connection, long[] values) throws SQLException {
        Long[] boxed = new Long[values.length];
        for (int i = 0; i < values.length; i++) {
            boxed[i] = values[i];
        }
        return connection.createArrayOf("bigint", boxed);
    }
}
