package newsroom.query.quotes;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import newsroom.nlp.v1.AttributionForm;
import newsroom.query.InvalidArgumentException;
import newsroom.query.NewestMonths;
import newsroom.query.PagedReads;
import newsroom.query.PlannerSettings;
import newsroom.query.RequestChecks;
import newsroom.query.StatementTimeouts;
import newsroom.query.TimeRange;
import newsroom.query.WhereClause;
import newsroom.query.articles.ArticleMetadata;
import newsroom.query.paging.KeysetPageRequest;
import newsroom.query.paging.Page;
import newsroom.query.paging.QueryFingerprint;
import newsroom.query.paging.SortKey;
import newsroom.store.NameKey;

/**
 * Lists quotes (every attribution: direct, mixed and reported speech) with
 * their articles, newest article first.
 *
 * <p>Pages follow by key (keyset paging, {@link KeysetPageRequest}): a page token
 * carries the last quote's place in the list's total order (its date, article,
 * offset in the article and id), and the next page is the quotes after it, an
 * index seek at any depth. So the list has no depth cap, and a CSV export walks
 * all of it; an offset would make PostgreSQL read and drop every quote before
 * the page, and is capped at newsroom.query.max-page-offset for the other lists.
 *
 * <p>A page is one statement, in a transaction of its own that first sets the
 * searches' statement_timeout ({@link StatementTimeouts}) and, near an
 * entity, a setting for the statement's plan, both in one statement.
 */
@ApplicationScoped
public class QuoteQueries {

    public static final int MAX_SPEAKER_NAME_LENGTH = 200;
    public static final int MAX_TEXT_QUERY_LENGTH = 500;

    // The article's columns come first so ArticleMetadata reads them at 0. %2$s is
    // the FROM (quotes alone, or an entity's articles joined to their quotes)
    // and %4$s the date column the page is ordered by (the quote's, or the
    // same date read from entity_article). The page is chosen from the quotes
    // alone (page) and only its rows are joined to their articles and
    // speakers: joined before, every match of a rare word (read from
    // quote_text_idx, then sorted) looked up its article, 146 lookups and 3 ms
    // for a page of 21 at 100,000 articles (docs/query-plans.md). The
    // page's date and quote id come last, for the next page's key. The
    // speaker's name is a lookup by key per row of the page (joined, the
    // planner hashed all entities for 21 rows). Every quote has its article
    // (foreign key), so the join drops none.
    static final String LIST = """
            SELECT %1$s, page.text, page.speaker_entity_id,
                   coalesce((SELECT e.name FROM entity e WHERE e.id = page.speaker_entity_id), page.speaker),
                   page.cue, page.form, page.begin_offset, page.end_offset, page.published_at, page.id
            FROM (SELECT q.id, q.article_id, q.text, q.speaker_entity_id, q.speaker, q.cue, q.form, q.begin_offset,
                         q.end_offset, %4$s AS published_at
                  FROM %2$s
                  WHERE %3$s
                  ORDER BY %4$s DESC, q.article_id DESC, q.begin_offset, q.id
                  LIMIT :limit) page
            JOIN article a ON a.id = page.article_id
            ORDER BY page.published_at DESC, page.article_id DESC, page.begin_offset, page.id
            """;

    /** What a page of quotes not near an entity reads: the quotes alone. */
    public static final String QUOTES_FROM = "quote q";

    /** The date a page of {@link #QUOTES_FROM} is ordered by: the quote's own. */
    public static final String QUOTE_DATE = "q.published_at";

    /** A speaker by id, a condition of a page of {@link #QUOTES_FROM}. */
    public static final String BY_SPEAKER_ID = "q.speaker_entity_id = :speakerId";

    /** Words of the quote's text, a condition of a page of {@link #QUOTES_FROM}. */
    public static final String BY_WORDS = "q.text_vector @@ websearch_to_tsquery('english', :textQuery)";

    // Speakers are matched by name key against every stored form, the canonical name included.
    private static final String BY_SPEAKER_NAME =
            "q.speaker_entity_id IN (SELECT al.entity_id FROM entity_alias al WHERE al.alias_key = :speakerKey)";

    /** How far from a quote, in UTF-16 code units, a mention counts as near it. */
    public static final int NEAR_DISTANCE = 300;

    // Quotes near an entity are read from the entity's own articles, newest
    // first (entity_article_timeline_idx, then quote_article_idx per article),
    // so a page stops after the entity's newest articles whatever the store's
    // size. Walking all quotes newest first instead walks far for an entity
    // rarely near a quote, and starting from all the entity's articles and
    // sorting their quotes costs as much as the entity is popular (50 to 140
    // ms at 100,000 articles; docs/query-plans.md). The planner cannot tell
    // how many quotes are near the entity (it guesses a handful) and then
    // prefers reading them all and sorting, so the statement runs with the
    // walk as its only plan (NEAR_ENTITY_PLAN): an incremental sort of the
    // walk is then the only way to order it. An article's quotes and mentions
    // sit in its month's partitions (V15): the date in the joins lets each
    // look-up read that one partition instead of probing every month's index.
    // NEAR_ENTITY_FROM, NEAR_ENTITY_DATE, NEAR_ENTITY and NEAR_ENTITY_PLAN are
    // public, as are the other parts of a page, for the query benchmark, which
    // times and explains pages over plain JDBC.
    public static final String NEAR_ENTITY_FROM =
            "entity_article ea JOIN quote q ON q.article_id = ea.article_id AND q.published_at = ea.published_at";
    /** The date a page of quotes near an entity is ordered by: its article's, read from entity_article. */
    public static final String NEAR_ENTITY_DATE = "ea.published_at";
    public static final String NEAR_ENTITY = """
            ea.entity_id = :nearId
            AND EXISTS (SELECT 1 FROM mention m
                        WHERE m.article_id = q.article_id AND m.published_at = q.published_at
                          AND m.entity_id = :nearId
                          AND m.begin_offset < q.end_offset + %1$d AND m.end_offset > q.begin_offset - %1$d)
            """.formatted(NEAR_DISTANCE);

    // The quotes after a page's last one in the list's order: an older date (%1$s), or the same
    // date and an older article, or the same article and a later place in it (then the id, for
    // equal offsets). The date's bound alone is an index condition, so the page starts with a
    // seek into the date index (or the entity's timeline) and reads on from there.
    static final String AFTER_KEY = """
            %1$s <= :afterTime
            AND (%1$s < :afterTime OR q.article_id < :afterArticle
                 OR q.article_id = :afterArticle AND (q.begin_offset, q.id) > (:afterBegin, :afterId))
            """;

    /**
     * The plan of a page near an entity, until the transaction ends (right after the statement):
     * the entity's articles newest first, each article's quotes and mentions looked up in its
     * month's partition, an incremental sort. With only full sorts off, at 1,000,000 articles the
     * planner merged the entity's articles with every quote by date (walking all quotes newer
     * than the entity's newest article) or hashed every quote, 0.5 to 10 s a page; joins other
     * than nested loops are off too. Planned for each entity, over the 89 monthly partitions of
     * two tables, the statement cost 70 to 300 ms to plan and 2 to 12 ms to run; the plan is the
     * same for every entity (the walk stops at a full page whatever the entity), and partitions
     * are chosen per article while it runs, so one generic plan per connection serves them all.
     */
    public static final Map<String, String> NEAR_ENTITY_PLAN = Map.of(
            "enable_sort", "off", "enable_mergejoin", "off", "enable_hashjoin", "off",
            "plan_cache_mode", "force_generic_plan");

    private final PagedReads reads;
    private final NewestMonths newestMonths;

    QuoteQueries(PagedReads reads, NewestMonths newestMonths) {
        this.reads = reads;
        this.newestMonths = newestMonths;
    }

    public Page<AttributedQuote> list(QuoteFilter filter, int pageSize, String pageToken) {
        if (filter.speakerEntityId() < 0) {
            throw new InvalidArgumentException("speaker_entity_id", "must not be negative");
        }
        String speakerName = RequestChecks.optionalText("speaker_name", filter.speakerName(), MAX_SPEAKER_NAME_LENGTH);
        String speakerKey = NameKey.of(speakerName);
        if (!speakerName.isEmpty() && speakerKey.isEmpty()) {
            throw new InvalidArgumentException("speaker_name", "must contain a letter or digit");
        }
        String textQuery = RequestChecks.optionalText("text_query", filter.textQuery(), MAX_TEXT_QUERY_LENGTH);
        RequestChecks.nonNegativeId("near_entity_id", filter.nearEntityId());
        if (filter.form() == AttributionForm.UNRECOGNIZED) {
            throw new InvalidArgumentException("form", "must be DIRECT, MIXED, INDIRECT or unset (any form)");
        }
        KeysetPageRequest request = reads.keysetPage(pageSize, pageToken,
                QueryFingerprint.of("ListQuotes", filter.speakerEntityId(), speakerKey, textQuery,
                        filter.nearEntityId(), filter.range().fingerprint(), filter.form()));

        WhereClause where = new WhereClause();
        if (filter.speakerEntityId() > 0) {
            where.add(BY_SPEAKER_ID, "speakerId", filter.speakerEntityId());
        }
        if (!speakerKey.isEmpty()) {
            where.add(BY_SPEAKER_NAME, "speakerKey", speakerKey);
        }
        if (!textQuery.isEmpty()) {
            where.add(BY_WORDS, "textQuery", textQuery);
        }
        if (filter.form() != AttributionForm.ATTRIBUTION_FORM_UNSPECIFIED) {
            // quote_form_date_idx (V11) serves the form alone in date order.
            where.add("q.form = :form", "form", filter.form().name());
        }
        boolean nearEntity = filter.nearEntityId() > 0;
        if (nearEntity) {
            where.add(NEAR_ENTITY, "nearId", filter.nearEntityId());
        }
        String date = nearEntity ? NEAR_ENTITY_DATE : QUOTE_DATE;
        filter.range().restrict(where, date);
        request.after().ifPresent(key -> where.add(AFTER_KEY.formatted(date)));
        // The query is made where it runs: inside the transaction it must share with the setting.
        Function<String, List<Object[]>> readPage = sql -> {
            Query query = where.bind(reads.entityManager().createNativeQuery(sql))
                    .setParameter("limit", request.fetchSize());
            request.after().ifPresent(key -> query
                    .setParameter("afterTime", afterTime(key))
                    .setParameter("afterArticle", key.value(1))
                    .setParameter("afterBegin", (int) key.value(2))
                    .setParameter("afterId", key.value(3)));
            return rows(query);
        };
        // By words, the plan the article search uses (its rare words read from quote_text_idx).
        Map<String, String> plan = nearEntity ? NEAR_ENTITY_PLAN
                : textQuery.isEmpty() ? Map.of() : PlannerSettings.WORD_SEARCH;
        List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> {
            reads.underSearchLimit(plan);
            String from = nearEntity ? NEAR_ENTITY_FROM : QUOTES_FROM;
            if (nearEntity) {
                // Read from the entity's own articles (entity_article, not partitioned), bounded by them.
                return readPage.apply(page(from, where.sql(), date));
            }
            // A next page starts at its key: the tries are counted from there.
            TimeRange range = request.after().map(key -> new TimeRange(filter.range().start(),
                    Optional.of(afterTime(key).plusNanos(1_000)))).orElse(filter.range());
            List<Object[]> found = List.of();
            for (Optional<Instant> bound : newestMonths.bounds(range)) {
                String conditions = bound.map(time -> where.sql() + " AND "
                        + NewestMonths.atOrAfter(QUOTE_DATE, time)).orElse(where.sql());
                found = readPage.apply(page(from, conditions, date));
                if (found.size() >= request.fetchSize()) {
                    break;
                }
            }
            return found;
        });
        return request.toPage(rows, QuoteQueries::keyOf, QuoteQueries::quoteOf);
    }

    /**
     * The statement of a page of quotes: {@link #LIST} from {@code from} ({@link #QUOTES_FROM} or
     * {@link #NEAR_ENTITY_FROM}) with {@code conditions}, ordered by {@code date} ({@link #QUOTE_DATE}
     * or {@link #NEAR_ENTITY_DATE}); its parameters are the conditions' and {@code :limit}.
     */
    public static String page(String from, String conditions, String date) {
        return LIST.formatted(ArticleMetadata.COLUMNS, from, conditions, date);
    }

    private static Instant afterTime(SortKey key) {
        return Instant.EPOCH.plus(key.value(0), ChronoUnit.MICROS);
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> rows(Query query) {
        return query.getResultList();
    }

    // The quote's place in the list's order: date (in microseconds, PostgreSQL's precision), article,
    // offset in the article, id.
    private static SortKey keyOf(Object[] row) {
        int at = ArticleMetadata.COLUMN_COUNT;
        Instant date = (Instant) row[at + 7];
        long micros = Math.addExact(Math.multiplyExact(date.getEpochSecond(), 1_000_000L), date.getNano() / 1_000);
        return SortKey.of(micros, ((Number) row[0]).longValue(), ((Number) row[at + 5]).longValue(),
                ((Number) row[at + 8]).longValue());
    }

    private static AttributedQuote quoteOf(Object[] row) {
        int at = ArticleMetadata.COLUMN_COUNT;
        Number speakerId = (Number) row[at + 1];
        return new AttributedQuote((String) row[at], speakerId == null ? 0 : speakerId.longValue(),
                (String) row[at + 2], (String) row[at + 3], AttributionForm.valueOf((String) row[at + 4]),
                ArticleMetadata.fromRow(row, 0), ((Number) row[at + 5]).intValue(), ((Number) row[at + 6]).intValue());
    }
}
