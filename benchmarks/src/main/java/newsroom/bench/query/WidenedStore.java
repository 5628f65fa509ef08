package newsroom.bench.query;

import static newsroom.bench.query.StoreCopy.copy;
import static newsroom.bench.query.StoreCopy.execute;
import static newsroom.bench.query.StoreCopy.row;
import static newsroom.bench.query.StoreCopy.writeRollups;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import newsroom.nlp.v1.Analysis;
import newsroom.nlp.v1.Entity;
import newsroom.nlp.v1.Mention;
import newsroom.nlp.v1.Quote;
import newsroom.store.NameKey;

/**
 * Widens the analysed base sample into a large store with COPY. Article
 * {@code i} (0-based) is copy {@code c = i / B} of base article {@code b = i % B}
 * (B = base size), published {@code (c / 4) * 7} days plus {@code (c % 4) * 3}
 * hours after the base: every copy keeps the base's entities, mentions, quotes
 * and tone, so entity popularity and the weekday and hour profile of the dates
 * stay those of the real sample while the store covers more weeks. Copies
 * {@code c} with {@code c % 4 != 0} are reports of the story of copy
 * {@code c - c % 4} (stories of four reports within nine hours). Global
 * entities are the base entities keyed by type and {@link NameKey} of the
 * canonical name, as ingest resolves exact names; their aliases are every form
 * seen. entity_article, entity_pair, entity_day and entity.mention_count,
 * article_count and quote_count are written as ArticleRollups would.
 *
 * <p>Why COPY and SQL of its own rather than the service's code: no service
 * path does this job. ingest-service stores an analysis only as its analysis
 * worker gets it from nlp-service for an article it accepted (AnalysisWriter,
 * a CDI bean that needs the running service), so the service's way to a store
 * of N analysed articles is N analyses by CoreNLP, seconds each on this
 * machine ({@link SampleAnalysis} analyses the base sample once): weeks for
 * the 1,000,000-article store. The copies' rollups are computed once over the
 * whole store at the end, as the migrations that introduced them (V4, V5, V8)
 * back-filled them, since the service keeps them per article (ArticleRollups:
 * an upsert per pair of entities of the article). What reads the store is
 * the service's own code: the query service over gRPC, and its statements in
 * {@link Baseline} and {@link QueryPlans}.
 */
final class WidenedStore {

    private static final int COPIES_PER_STORY = 4;
    private static final int BATCH = 2000;
    // The article columns this store fills, in the order of its rows' values.
    private static final String ARTICLE_COLUMNS = "article (id, source, title, published_at, content_type, language, raw_content,"
            + " cleaned_text, content_sha256, status, attempts, next_attempt_at, accepted_at, analyzed_at,"
            + " analysis, story_id, duplicate_of, tone)";

    private final List<AnalyzedSample> base;
    private final Map<String, Long> entityIds = new LinkedHashMap<>();
    private final List<Map<String, Long>> localToGlobal = new ArrayList<>();
    private final Map<Long, Integer> pairCounts = new HashMap<>();
    private int articles;

    WidenedStore(List<AnalyzedSample> base) {
        this.base = base;
        for (AnalyzedSample sample : base) {
            Map<String, Long> local = new HashMap<>();
            for (Entity entity : sample.analysis().getEntitiesList()) {
                String key = entity.getType().name() + "|" + NameKey.of(entity.getName());
                if (NameKey.of(entity.getName()).isEmpty()) {
                    continue;
                }
                long id = entityIds.computeIfAbsent(key, k -> (long) entityIds.size() + 1);
                local.put(entity.getId(), id);
            }
            localToGlobal.add(local);
        }
    }

    /** The global id of base article {@code baseIndex}'s document entity, or null when it has none. */
    Long globalId(int baseIndex, String localEntityId) {
        return localToGlobal.get(baseIndex).get(localEntityId);
    }

    int articleCount() {
        return articles;
    }

    int entityCount() {
        return entityIds.size();
    }

    /** Writes the entities and their aliases; once, before any article. */
    void writeEntities(Connection connection) throws SQLException, IOException {
        Map<Long, Map<String, String>> aliases = new HashMap<>();
        StringBuilder entities = new StringBuilder();
        Map<Long, String> names = new HashMap<>();
        for (int b = 0; b < base.size(); b++) {
            for (Entity entity : base.get(b).analysis().getEntitiesList()) {
                Long id = localToGlobal.get(b).get(entity.getId());
                if (id == null) {
                    continue;
                }
                if (names.putIfAbsent(id, entity.getName()) == null) {
                    row(entities, id, entity.getName(), entity.getType().name(), NameKey.of(entity.getName()));
                }
                Map<String, String> forms = aliases.computeIfAbsent(id, k -> new LinkedHashMap<>());
                forms.putIfAbsent(NameKey.of(entity.getName()), entity.getName());
                for (String alias : entity.getAliasesList()) {
                    if (!NameKey.of(alias).isEmpty()) {
                        forms.putIfAbsent(NameKey.of(alias), alias);
                    }
                }
            }
        }
        StringBuilder aliasRows = new StringBuilder();
        aliases.forEach((id, forms) -> forms.forEach((key, form) -> row(aliasRows, id, form, key)));
        copy(connection, "entity (id, name, type, name_key)", entities);
        copy(connection, "entity_alias (entity_id, alias, alias_key)", aliasRows);
        execute(connection, "SELECT setval('entity_id_seq', " + entityIds.size() + ")");
    }

    /** Adds articles until the store holds {@code target}; entity_pair and entity_day are rewritten whole at the end. */
    void growTo(Connection connection, int target) throws SQLException, IOException {
        while (articles < target) {
            int end = Math.min(target, articles + BATCH);
            ArticleCopyBatch batch = new ArticleCopyBatch(ARTICLE_COLUMNS);
            for (int i = articles; i < end; i++) {
                add(batch, i);
            }
            batch.write(connection);
            articles = end;
        }
        writeRollups(connection, articles, pairCounts);
    }

    /**
     * Deletes the articles that others added after the widened ones (ingest-service's, which
     * took ids past them from the sequence), with every row that refers to them, so that the
     * next size is widened into ids that are free and every size's queries read the widened
     * store alone.
     *
     * <p>The rows that refer to them go first, table by table, one range of ids each; then the
     * articles themselves with the foreign-key triggers off ({@code session_replication_role}),
     * since the per-row checks of the article's references to itself (duplicate_of has no index)
     * would read the whole table once per article deleted. Nothing of the widened store refers
     * to them: their rows are not same-story candidates for the widened ones, which have no
     * signatures.
     *
     * @param superuser a connection as the superuser, the only role that may switch the triggers off
     * @return the articles deleted
     */
    long removeOtherArticles(Connection superuser) throws SQLException {
        List<String> statements = new ArrayList<>();
        try (Statement statement = superuser.createStatement();
             // The constraints of the referring tables themselves, not their partitions' copies.
             ResultSet references = statement.executeQuery("SELECT c.conrelid::regclass::text, a.attname, c.confdeltype"
                     + " FROM pg_constraint c JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]"
                     + " WHERE c.contype = 'f' AND c.confrelid = 'article'::regclass"
                     + " AND c.conrelid <> 'article'::regclass AND c.conparentid = 0")) {
            while (references.next()) {
                String table = references.getString(1);
                String column = references.getString(2);
                statements.add(references.getString(3).equals("n")
                        ? "UPDATE " + table + " SET " + column + " = NULL WHERE " + column + " > " + articles
                        : "DELETE FROM " + table + " WHERE " + column + " > " + articles);
            }
        }
        boolean autoCommit = superuser.getAutoCommit();
        superuser.setAutoCommit(false);
        long removed;
        try (Statement statement = superuser.createStatement()) {
            for (String sql : statements) {
                statement.executeUpdate(sql);
            }
            statement.execute("SET LOCAL session_replication_role = replica");
            removed = statement.executeUpdate("DELETE FROM article WHERE id > " + articles);
            superuser.commit();
        } catch (SQLException e) {
            superuser.rollback();
            throw e;
        } finally {
            superuser.setAutoCommit(autoCommit);
        }
        execute(superuser, "SELECT setval('article_id_seq', " + articles + ")");
        execute(superuser, "VACUUM ANALYZE article");
        return removed;
    }

    private void add(ArticleCopyBatch batch, int index) {
        int b = index % base.size();
        int c = index / base.size();
        long id = index + 1L;
        long root = (long) (c - c % COPIES_PER_STORY) * base.size() + b + 1;
        AnalyzedSample sample = base.get(b);
        Analysis analysis = sample.analysis();
        Instant published = sample.published()
                .plus(Duration.ofDays(7L * (c / COPIES_PER_STORY)))
                .plus(Duration.ofHours(3L * (c % COPIES_PER_STORY)));
        String tone = analysis.hasSentiment() ? String.valueOf(analysis.getSentiment().getScore()) : "\\N";
        batch.article(published, id, sample.source(), sample.title(), published, "PLAIN_TEXT", "en",
                analysis.getCleanedText(), analysis.getCleanedText(), "bench-" + id, "ANALYZED", 1, published,
                published, published, "\\\\x" + HexFormat.of().formatHex(analysis.toByteArray()), root,
                root == id ? "\\N" : root, tone);
        Map<String, Long> local = localToGlobal.get(b);
        Map<Long, Integer> mentionCounts = new LinkedHashMap<>();
        for (Entity entity : analysis.getEntitiesList()) {
            Long global = local.get(entity.getId());
            if (global == null) {
                continue;
            }
            batch.link(id, entity.getId(), global, entity.getSalience());
            for (Mention mention : entity.getMentionsList()) {
                batch.mention(id, global, mention.getText(), mention.getBegin(), mention.getEnd(),
                        mention.getKind().name(), published);
            }
            mentionCounts.merge(global, entity.getMentionsCount(), Integer::sum);
        }
        mentionCounts.forEach((global, count) -> batch.entityArticle(global, id, published, count, tone));
        for (long x : mentionCounts.keySet()) {
            for (long y : mentionCounts.keySet()) {
                if (x != y) {
                    pairCounts.merge((x << 32) | y, 1, Integer::sum);
                }
            }
        }
        for (Quote quote : analysis.getQuotesList()) {
            Long speaker = local.get(quote.getSpeakerEntityId());
            batch.quote(id, speaker == null ? "\\N" : speaker, speaker == null ? "" : quote.getSpeaker(),
                    quote.getText(), quote.getCue(), quote.getBegin(), quote.getEnd(), published);
        }
    }
}
