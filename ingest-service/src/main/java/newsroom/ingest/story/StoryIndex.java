package newsroom.ingest.story;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hibernate.Session;

/**
 * The stored MinHash-LSH index ({@code story_signature}, {@code story_band},
 * migration V3). Both methods run inside the caller's transaction, so an
 * article and its index rows are committed together or not at all.
 */
@ApplicationScoped
public class StoryIndex {

    private final EntityManager entityManager;

    public StoryIndex(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** The stored article that tells the same story as a text with this signature, if any. */
    public Optional<StoryMatch> findSameStory(ShingleSignature signature) {
        List<StoryCandidate> candidates = new ArrayList<>();
        session().doWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement("""
                    SELECT s.article_id, a.story_id, s.minhash
                    FROM story_signature s JOIN article a ON a.id = s.article_id
                    WHERE s.article_id IN (SELECT article_id FROM story_band WHERE band_key = ANY (?))""")) {
                select.setArray(1, bigints(connection, signature.bandKeys()));
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        candidates.add(new StoryCandidate(rows.getLong(1), rows.getLong(2),
                                ShingleSignature.fromBytes(rows.getBytes(3))));
                    }
                }
            }
        });
        return SameStoryRule.bestMatch(signature, candidates);
    }

    /** Indexes a newly stored article so later copies find it. */
    public void add(long articleId, ShingleSignature signature) {
        session().doWork(connection -> {
            // One statement, one round trip: the signature row, then one band row per distinct key.
            try (PreparedStatement insert = connection.prepareStatement("""
                    WITH signature AS (
                        INSERT INTO story_signature (article_id, minhash) VALUES (?, ?) RETURNING article_id)
                    INSERT INTO story_band (band_key, article_id)
                    SELECT DISTINCT k, signature.article_id FROM signature, unnest(?) AS k""")) {
                insert.setLong(1, articleId);
                insert.setBytes(2, signature.toBytes());
                insert.setArray(3, bigints(connection, signature.bandKeys()));
                insert.executeUpdate();
            }
        });
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
