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
import javax.sql.DataSource;
import newsroom.ingest.AutoCommitConnections;
import newsroom.ingest.intake.language.LanguageIdentifier;
import newsroom.ingest.story.ShingleSignature;
import newsroom.ingest.story.SignedArticle;
import newsroom.ingest.story.StoryIndex;
import newsroom.ingest.story.StoryMatch;
import newsroom.store.ArticleState;
import org.hibernate.Session;

/**
 * Finds or inserts a batch of prepared articles in the caller's transaction,
 * with two statements whatever the batch's size, so one round trip to
 * PostgreSQL before the commit and one for it: one look-up that reads the
 * stored articles with the same URLs or contents, draws an id for each
 * article of the batch and reads the same-story candidates; then the article
 * rows, each inserted with its story index row by one statement, sent as one
 * JDBC batch. (One statement per article and step would cost a round trip
 * each, the larger part of intake's time on a busy machine.) The outcome is
 * what storing the articles one after another would give: a repeat of an
 * earlier article of the batch is found, a near-copy joins its story.
 *
 * <p>An article stored on its own ({@link #findOrInsertAlone}) needs no
 * transaction around the two statements: the look-up only reads, and the
 * insert writes the article with its index row in one statement, which
 * commits by itself (autocommit) and returns once the commit is on disk. That
 * saves the round trip of a separate COMMIT, a third of a single call's
 * waits on PostgreSQL; a concurrent submission of the same article is still
 * settled by the unique indexes.
 */
@ApplicationScoped
class ArticleBatchStore {

    /**
     * Rows of three kinds (the first column): a stored article with one of the URLs or contents,
     * a new article id, a same-story candidate. Parameters: URLs, contents' hashes, how many ids,
     * band keys.
     *
     * <p>Each URL and each hash is probed on its own unique index (an article found by both
     * comes twice, which {@link Stored} absorbs), whatever PostgreSQL's statistics say: the
     * plain form, {@code url = ANY (urls) OR content_sha256 = ANY (shas)}, was planned as a scan
     * of {@code article} while the table was small when last analysed, and stayed one as a bulk
     * load grew it past its statistics (intake at 1,000 stored read 15 million rows in 7,000
     * scans over two short benchmark runs). {@code OFFSET 0} keeps each probe a subquery run
     * once per value, as in {@link StoryIndex#CANDIDATE_ROWS}.
     */
    static final String LOOK_UP = """
            SELECT 'stored', a.id, a.status, a.duplicate_of, a.url, a.content_sha256, NULL::bytea, NULL::bigint[]
            FROM unnest(?::text[]) AS u(url)
            CROSS JOIN LATERAL (
                SELECT id, status, duplicate_of, url, content_sha256 FROM article WHERE url = u.url OFFSET 0) a
            UNION ALL
            SELECT 'stored', a.id, a.status, a.duplicate_of, a.url, a.content_sha256, NULL::bytea, NULL::bigint[]
            FROM unnest(?::text[]) AS h(sha)
            CROSS JOIN LATERAL (
                SELECT id, status, duplicate_of, url, content_sha256 FROM article WHERE content_sha256 = h.sha
                OFFSET 0) a
            UNION ALL
            SELECT 'id', nextval(pg_get_serial_sequence('article', 'id')), NULL, NULL, NULL, NULL, NULL, NULL
            FROM generate_series(1, ?)
            UNION ALL
            SELECT 'candidate', c.article_id, NULL, c.story_id, NULL, NULL, c.minhash, c.band_keys
            FROM (%s) c""".formatted(StoryIndex.CANDIDATE_ROWS);

    /** One new article and its story index row: the article's 19 parameters, then the index's 2. */
    private static final String INSERT = """
            WITH new_article AS (
                INSERT INTO article (id, url, source, title, published_at, content_type, language,
                    raw_content, cleaned_text, content_sha256, status, attempts, next_attempt_at, accepted_at,
                    duplicate_of, story_id, author, canonical_url, published_time_estimated, source_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?)
                RETURNING id)
            """ + StoryIndex.INDEX_NEW_ARTICLE;

    private final EntityManager entityManager;
    private final DataSource dataSource;
    private final StoryIndex stories;

    ArticleBatchStore(EntityManager entityManager, DataSource dataSource, StoryIndex stories) {
        this.entityManager = entityManager;
        this.dataSource = dataSource;
        this.stories = stories;
    }

    /** In the caller's transaction: the outcomes, in the order of {@code batch}. */
    List<IntakeOutcome> findOrInsert(List<PreparedArticle> batch) {
        return session().doReturningWork(connection -> findOrInsert(connection, batch));
    }

    /**
     * Outside any transaction: finds {@code prepared} stored, or inserts it with a statement that
     * commits by itself; the outcome only once that commit is on disk.
     *
     * @throws RuntimeException with the {@link SQLException} as its cause, a unique violation
     *                          when a concurrent submission of the same article committed first
     */
    IntakeOutcome findOrInsertAlone(PreparedArticle prepared) {
        try (Connection connection = AutoCommitConnections.open(dataSource)) {
            return findOrInsert(connection, List.of(prepared)).get(0);
        } catch (SQLException e) {
            throw new IllegalStateException("could not store the article: " + e.getMessage(), e);
        }
    }

    private List<IntakeOutcome> findOrInsert(Connection connection, List<PreparedArticle> batch) throws SQLException {
        // Ids are drawn for every article, repeats included: a few gaps in the sequence are
        // cheaper than another round trip.
        LookUp found = lookUp(connection, batch.stream().map(PreparedArticle::article).toList(), batch.size(),
                StoryIndex.bandKeys(batch.stream().flatMap(prepared -> prepared.signature().stream()).toList()));
        Stored stored = found.stored;
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
            insert(connection, batch, fresh, found, outcomes);
        }
        for (int i = 0; i < batch.size(); i++) {
            if (repeatOf[i] >= 0) {
                IntakeOutcome first = outcomes[repeatOf[i]];
                outcomes[i] = new IntakeOutcome(first.articleId(), first.status(), true, first.duplicateOf());
            }
        }
        return List.of(outcomes);
    }

    /** The stored article with the same URL, else the same content, if any (read outside any transaction). */
    Optional<IntakeOutcome> findStored(ValidArticle article) {
        try (Connection connection = AutoCommitConnections.open(dataSource)) {
            return lookUp(connection, List.of(article), 0, new long[0]).stored.same(article);
        } catch (SQLException e) {
            throw new IllegalStateException("could not look up the article: " + e.getMessage(), e);
        }
    }

    /** Inserts the articles at positions {@code fresh} of {@code batch}, filling in their outcomes. */
    private void insert(Connection connection, List<PreparedArticle> batch, List<Integer> fresh, LookUp found,
                        IntakeOutcome[] outcomes) throws SQLException {
        long[] ids = found.ids;
        List<SignedArticle> signed = new ArrayList<>();
        for (int n = 0; n < fresh.size(); n++) {
            long id = ids[n];
            batch.get(fresh.get(n)).signature().ifPresent(signature -> signed.add(new SignedArticle(id, signature)));
        }
        List<Optional<StoryMatch>> matches = stories.findSameStories(signed, found.candidates);
        Map<Long, Long> storyOf = new HashMap<>();
        for (int s = 0; s < signed.size(); s++) {
            long articleId = signed.get(s).articleId();
            matches.get(s).ifPresent(match -> storyOf.put(articleId, match.storyId()));
        }
        Instant now = Instant.now();
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (int n = 0; n < fresh.size(); n++) {
                PreparedArticle prepared = batch.get(fresh.get(n));
                ValidArticle article = prepared.article();
                long id = ids[n];
                Long story = storyOf.get(id);
                // An UNSUPPORTED_LANGUAGE article is searchable at once: the store's trigger
                // article_search_keep writes the article_search row of every article inserted or
                // updated with a status other than ACCEPTED (docs/architecture.md, "The search row").
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
                // A copy joins its root's story; a root is its own story.
                if (story == null) {
                    insert.setNull(14, Types.BIGINT);
                    insert.setLong(15, id);
                } else {
                    insert.setLong(14, story);
                    insert.setLong(15, story);
                }
                insert.setString(16, article.author());
                insert.setString(17, article.canonicalUrl());
                // Neither the client, nor the feed item, nor the page said: the time of storing stands in.
                insert.setBoolean(18, article.publishedAt() == null);
                if (prepared.sourceId() == null) {
                    insert.setNull(19, Types.BIGINT);
                } else {
                    insert.setLong(19, prepared.sourceId());
                }
                Optional<ShingleSignature> signature = prepared.signature();
                if (signature.isPresent()) {
                    insert.setBytes(20, signature.get().toBytes());
                    insert.setArray(21, bigints(connection, signature.get().bandKeys()));
                } else {
                    insert.setNull(20, Types.BINARY);
                    insert.setArray(21, bigints(connection, new long[0]));
                }
                insert.addBatch();
                outcomes[fresh.get(n)] = new IntakeOutcome(id, status, false, story == null ? 0 : story);
            }
            insert.executeBatch();
        }
    }

    /** Runs {@link #LOOK_UP}: the stored articles, {@code idCount} new ids ascending, the candidates. */
    private static LookUp lookUp(Connection connection, List<ValidArticle> articles, int idCount, long[] bandKeys)
            throws SQLException {
        LookUp found = new LookUp(idCount);
        String[] urls = articles.stream().map(ValidArticle::url).filter(url -> url != null).toArray(String[]::new);
        String[] shas = articles.stream().map(ValidArticle::contentSha256).toArray(String[]::new);
        try (PreparedStatement select = connection.prepareStatement(LOOK_UP)) {
            select.setArray(1, connection.createArrayOf("text", urls));
            select.setArray(2, connection.createArrayOf("text", shas));
            select.setInt(3, idCount);
            select.setArray(4, bigints(connection, bandKeys));
            int drawn = 0;
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    switch (rows.getString(1)) {
                        case "stored" -> found.stored.add(rows.getString(5), rows.getString(6),
                                new IntakeOutcome(rows.getLong(2), ArticleState.valueOf(rows.getString(3)), true,
                                        rows.getLong(4)));
                        case "id" -> found.ids[drawn++] = rows.getLong(2);
                        case "candidate" -> found.candidates.add(rows.getLong(2), rows.getLong(4),
                                rows.getBytes(7), (Long[]) rows.getArray(8).getArray());
                        default -> throw new IllegalStateException("unexpected row " + rows.getString(1));
                    }
                }
            }
        }
        Arrays.sort(found.ids);
        return found;
    }

    /** What {@link #LOOK_UP} read. */
    private static final class LookUp {
        final Stored stored = new Stored();
        final long[] ids;
        final StoryIndex.Candidates candidates = new StoryIndex.Candidates();

        LookUp(int idCount) {
            this.ids = new long[idCount];
        }
    }

    /** Stored articles found by URL and by content hash. */
    private static final class Stored {
        final Map<String, IntakeOutcome> byUrl = new HashMap<>();
        final Map<String, IntakeOutcome> bySha = new HashMap<>();

        void add(String url, String sha, IntakeOutcome outcome) {
            if (url != null) {
                byUrl.put(url, outcome);
            }
            bySha.put(sha, outcome);
        }

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

    private static Array bigints(Connection connection, long[] values) throws SQLException {
        Long[] boxed = new Long[values.length];
        for (int i = 0; i < values.length; i++) {
            boxed[i] = values[i];
        }
        return connection.createArrayOf("bigint", boxed);
    }
}
