package newsroom.ingest.intake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import newsroom.ingest.language.LanguageIdentifier;
import newsroom.ingest.story.SignedArticle;
import newsroom.ingest.story.StoryIndex;
import newsroom.ingest.story.StoryMatch;
import newsroom.store.ArticleState;
import org.hibernate.Session;

/**
 * Finds or inserts a batch of prepared articles in the caller's transaction,
 * with a fixed handful of statements whatever the batch's size: one look-up of
 * the same URLs and contents, one draw of ids, one same-story look-up, one
 * batch of article rows, one batch of index rows. (One statement per article
 * each would cost a round trip to PostgreSQL per article per step, the larger
 * part of intake's time on a busy machine.) The outcome is what storing the
 * articles one after another would give: a repeat of an earlier article of
 * the batch is found, a near-copy joins its story.
 */
@ApplicationScoped
class ArticleBatchStore {

    private final EntityManager entityManager;
    private final StoryIndex stories;

    ArticleBatchStore(EntityManager entityManager, StoryIndex stories) {
        this.entityManager = entityManager;
        this.stories = stories;
    }

    /** The outcomes, in the order of {@code batch}. */
    List<IntakeOutcome> findOrInsert(List<PreparedArticle> batch) {
        Stored stored = findStored(batch.stream().map(PreparedArticle::article).toList());
        // Which articles are new; a repeat of an earlier new one points at it (by position).
        IntakeOutcome[] outcomes = new IntakeOutcome[batch.size()];
        int[] repeatOf = new int[batch.size()];
        Map<String, Integer> newByUrl = new HashMap<>();
        Map<String, Integer> newBySha = new HashMap<>();
        List<Integer> fresh = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            ValidArticle article = batch.get(i).article();
            repeatOf[i] = -1;
            // The same URL first, stored or earlier in the batch, then the same content.
            if (article.url() != null && stored.byUrl.containsKey(article.url())) {
                outcomes[i] = stored.byUrl.get(article.url());
                continue;
            }
            if (article.url() != null && newByUrl.containsKey(article.url())) {
                repeatOf[i] = newByUrl.get(article.url());
                continue;
            }
            if (stored.bySha.containsKey(article.contentSha256())) {
                outcomes[i] = stored.bySha.get(article.contentSha256());
                continue;
            }
            if (newBySha.containsKey(article.contentSha256())) {
                repeatOf[i] = newBySha.get(article.contentSha256());
                continue;
            }
            fresh.add(i);
            if (article.url() != null) {
                newByUrl.put(article.url(), i);
            }
            newBySha.put(article.contentSha256(), i);
        }
        if (!fresh.isEmpty()) {
            insert(batch, fresh, outcomes);
        }
        for (int i = 0; i < batch.size(); i++) {
            if (repeatOf[i] >= 0) {
                IntakeOutcome first = outcomes[repeatOf[i]];
                outcomes[i] = new IntakeOutcome(first.articleId(), first.status(), true, first.duplicateOf());
            }
        }
        return List.of(outcomes);
    }

    /** The stored article with the same URL, else the same content, if any. */
    Optional<IntakeOutcome> findStored(ValidArticle article) {
        return findStored(List.of(article)).same(article);
    }

    /** Inserts the articles at positions {@code fresh} of {@code batch}, filling in their outcomes. */
    private void insert(List<PreparedArticle> batch, List<Integer> fresh, IntakeOutcome[] outcomes) {
        long[] ids = drawIds(fresh.size());
        List<SignedArticle> signed = new ArrayList<>();
        for (int n = 0; n < fresh.size(); n++) {
            long id = ids[n];
            batch.get(fresh.get(n)).signature().ifPresent(signature -> signed.add(new SignedArticle(id, signature)));
        }
        List<Optional<StoryMatch>> matches = stories.findSameStories(signed);
        Map<Long, Long> storyOf = new HashMap<>();
        for (int s = 0; s < signed.size(); s++) {
            long articleId = signed.get(s).articleId();
            matches.get(s).ifPresent(match -> storyOf.put(articleId, match.storyId()));
        }
        Instant now = Instant.now();
        session().doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO article (id, url, source, title, published_at, content_type, language,
                        raw_content, cleaned_text, content_sha256, status, attempts, next_attempt_at, accepted_at,
                        duplicate_of, story_id)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?)""")) {
                for (int n = 0; n < fresh.size(); n++) {
                    PreparedArticle prepared = batch.get(fresh.get(n));
                    ValidArticle article = prepared.article();
                    long id = ids[n];
                    Long story = storyOf.get(id);
                    ArticleState status = LanguageIdentifier.isSupported(prepared.language())
                            ? ArticleState.ACCEPTED
                            : ArticleState.UNSUPPORTED_LANGUAGE;
                    insert.setLong(1, id);
                    insert.setString(2, article.url());
                    insert.setString(3, article.source());
                    insert.setString(4, article.title());
                    insert.setObject(5, timestamp(article.publishedAt() == null ? now : article.publishedAt()));
                    insert.setString(6, article.kind().name());
                    insert.setString(7, prepared.language());
                    insert.setString(8, article.content());
                    insert.setString(9, prepared.cleanedText());
                    insert.setString(10, article.contentSha256());
                    insert.setString(11, status.name());
                    insert.setObject(12, timestamp(now));
                    insert.setObject(13, timestamp(now));
                    // A copy joins its root's story; a root's story_id is its own id, set by the
                    // database at insert (migration V3).
                    if (story == null) {
                        insert.setNull(14, Types.BIGINT);
                        insert.setNull(15, Types.BIGINT);
                    } else {
                        insert.setLong(14, story);
                        insert.setLong(15, story);
                    }
                    insert.addBatch();
                    outcomes[fresh.get(n)] = new IntakeOutcome(id, status, false, story == null ? 0 : story);
                }
                insert.executeBatch();
            }
        });
        stories.add(signed);
    }

    /** {@code count} new article ids, ascending, from the article table's own sequence. */
    private long[] drawIds(int count) {
        long[] ids = new long[count];
        session().doWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT nextval(pg_get_serial_sequence('article', 'id')) FROM generate_series(1, ?)")) {
                select.setInt(1, count);
                try (ResultSet rows = select.executeQuery()) {
                    for (int i = 0; rows.next(); i++) {
                        ids[i] = rows.getLong(1);
                    }
                }
            }
        });
        Arrays.sort(ids);
        return ids;
    }

    private Stored findStored(List<ValidArticle> articles) {
        Stored stored = new Stored();
        String[] urls = articles.stream().map(ValidArticle::url).filter(url -> url != null).toArray(String[]::new);
        String[] shas = articles.stream().map(ValidArticle::contentSha256).toArray(String[]::new);
        session().doWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement("""
                    SELECT id, status, duplicate_of, url, content_sha256 FROM article
                    WHERE url = ANY (?) OR content_sha256 = ANY (?)""")) {
                select.setArray(1, texts(connection, urls));
                select.setArray(2, texts(connection, shas));
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        IntakeOutcome outcome = new IntakeOutcome(rows.getLong(1),
                                ArticleState.valueOf(rows.getString(2)), true, rows.getLong(3));
                        if (rows.getString(4) != null) {
                            stored.byUrl.put(rows.getString(4), outcome);
                        }
                        stored.bySha.put(rows.getString(5), outcome);
                    }
                }
            }
        });
        return stored;
    }

    /** Stored articles found by URL and by content hash. */
    private static final class Stored {
        final Map<String, IntakeOutcome> byUrl = new HashMap<>();
        final Map<String, IntakeOutcome> bySha = new HashMap<>();

        /** The same URL first: a page edited since it was stored is still the same article. */
        Optional<IntakeOutcome> same(ValidArticle article) {
            IntakeOutcome byAddress = article.url() == null ? null : byUrl.get(article.url());
            return Optional.ofNullable(byAddress != null ? byAddress : bySha.get(article.contentSha256()));
        }
    }

    private Session session() {
        return entityManager.unwrap(Session.class);
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Array texts(Connection connection, String[] values) throws SQLException {
        return connection.createArrayOf("text", values);
    }
}
