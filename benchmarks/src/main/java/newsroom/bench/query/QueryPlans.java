package newsroom.bench.query;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;
import newsroom.query.PlannerSettings;
import newsroom.query.TimeRange;
import newsroom.query.WhereClause;
import newsroom.query.articles.ArticleQueries;
import newsroom.query.entities.CoMentionQueries;
import newsroom.query.entities.EntityQueries;
import newsroom.query.entities.TimelineQueries;
import newsroom.query.quotes.QuoteQueries;
import newsroom.query.stories.StoryQueries;
import newsroom.store.NameKey;

/**
 * EXPLAIN (ANALYZE, BUFFERS) of the query service's main statements, with the
 * SQL as the service sends it (read from query-service's query classes, and
 * the entity_search function as the store holds it), run with the planner
 * settings the service runs it with and the hardest parameters of the store:
 * the entity mentioned in the most articles, the speaker with the most
 * quotes, the most frequent title word. Each is {@code PREPARE}d with its
 * text unchanged and executed once with those values ({@link NamedStatement}).
 * The lists read newest first (ListQuotes, SearchArticles) are explained
 * without the bound on the newest months (NewestMonths) that the service
 * tries first on a large store: as the statement it falls back to.
 */
final class QueryPlans {

    // A word in about one article in ten of the base sample: it walks the date index.
    private static final String COMMON_WORD = "oil";

    /** A first page: 20 rows and one more, which tells the service whether there is a next page. */
    private static final int FIRST_PAGE = 21;

    /** A first page of a timeline: its default number of buckets and one more. */
    private static final int FIRST_BUCKETS = TimelineQueries.DEFAULT_BUCKETS + 1;

    /** The start of the stories listed and of the timeline by day from noon (the base sample is of 1987). */
    private static final Instant STORIES_FROM = Instant.parse("1987-06-01T00:00:00Z");
    private static final Instant NOON = Instant.parse("1987-06-01T12:00:00Z");

    /** One statement explained: its values, and the planner settings it runs with. */
    record Plan(String title, String sql, Map<String, Object> values, Map<String, String> settings) {

        Plan(String title, String sql, Map<String, Object> values) {
            this(title, sql, values, Map.of());
        }
    }

    /**
     * The values the statements are explained with: the entity in the most articles, its name key
     * with two letters swapped, the speaker with the most quotes, a search word and a quote word,
     * and the entity in about 1.5% of the articles.
     */
    record Choices(long entity, String typo, long speaker, String word, String quoteWord, long middling) {
    }

    /** The statement a PL/pgSQL function returns the rows of, and the settings it runs with. */
    record StoredFunction(String sql, Map<String, String> settings) {

        /**
         * @param body      the function's source ({@code pg_proc.prosrc}): one {@code RETURN QUERY}
         * @param arguments its arguments' names, written in the statement as named parameters
         * @param config    its SET clauses ({@code pg_proc.proconfig}), each {@code name=value}
         */
        static StoredFunction of(String body, String[] arguments, String[] config) {
            int start = body.indexOf("RETURN QUERY");
            int end = body.indexOf(';', Math.max(start, 0));
            if (start < 0 || end < start) {
                throw new IllegalStateException("not one RETURN QUERY statement:\n" + body);
            }
            String sql = body.substring(start + "RETURN QUERY".length(), end).strip();
            for (String argument : arguments) {
                sql = sql.replaceAll("\\b" + argument + "\\b", ":" + argument);
            }
            Map<String, String> settings = new LinkedHashMap<>();
            for (String setting : config) {
                settings.put(setting.substring(0, setting.indexOf('=')), setting.substring(setting.indexOf('=') + 1));
            }
            return new StoredFunction(sql, settings);
        }
    }

    private QueryPlans() {
    }

    static void write(Connection connection, Workload workload, Path file) throws SQLException, IOException {
        long entity = single(connection, "SELECT entity_id FROM entity_article GROUP BY entity_id ORDER BY count(*) DESC LIMIT 1");
        long speaker = single(connection, "SELECT speaker_entity_id FROM quote WHERE speaker_entity_id IS NOT NULL"
                + " GROUP BY speaker_entity_id ORDER BY count(*) DESC LIMIT 1");
        String name = text(connection, "SELECT name_key FROM entity WHERE id = " + entity);
        String typo = NameKey.of(name.length() > 4
                ? name.substring(0, 1) + name.charAt(2) + name.charAt(1) + name.substring(3) : name);
        String word = workload.searchWord(new Random(1));
        String quoteWord = workload.quoteWord(new Random(1));
        // The entity nearest to 1.5% of the articles: before the NEAR_ENTITY rewrite, quotes near
        // such an entity were the slowest to list.
        long middling = single(connection, "SELECT entity_id FROM entity_article GROUP BY entity_id"
                + " ORDER BY abs(count(*) - (SELECT count(*) FROM article) * 0.015), entity_id LIMIT 1");
        Choices choices = new Choices(entity, typo, speaker, word, quoteWord, middling);
        StringBuilder out = new StringBuilder();
        out.append("entity ").append(entity).append(" (").append(name).append("), speaker ").append(speaker)
                .append(", typo '").append(typo).append("', search word '").append(word).append("'\n\n");
        for (Plan plan : plans(choices, entitySearch(connection))) {
            out.append("### ").append(plan.title()).append("\n\n```sql\n").append(plan.sql().strip())
                    .append("\n-- with ").append(describe(plan.values()));
            if (!plan.settings().isEmpty()) {
                out.append("; SET ").append(describe(plan.settings()));
            }
            out.append("\n```\n\n```\n");
            Baseline.settings(connection, "SET ", plan.settings());
            try {
                for (String line : new NamedStatement(plan.sql()).explain(connection, plan.values())) {
                    out.append(line).append('\n');
                }
            } catch (SQLException e) {
                throw new SQLException("could not explain " + plan.title() + ": " + e.getMessage(), e.getSQLState(), e);
            } finally {
                Baseline.settings(connection, "RESET ", plan.settings());
            }
            out.append("```\n\n");
        }
        Files.writeString(file, out);
    }

    /** The statements explained, in the order of the plans file, with the values of {@code choices}. */
    static List<Plan> plans(Choices choices, StoredFunction entitySearch) {
        String nearEntity = QuoteQueries.page(QuoteQueries.NEAR_ENTITY_FROM, QuoteQueries.NEAR_ENTITY,
                QuoteQueries.NEAR_ENTITY_DATE);
        TimelineQueries.Statement allTime = TimelineQueries.statement(TimeRange.ALL);
        TimelineQueries.Statement fromNoon = TimelineQueries.statement(new TimeRange(Optional.of(NOON),
                Optional.empty()));
        WhereClause stories = StoryQueries.listConditions(new TimeRange(Optional.of(STORIES_FROM),
                Optional.empty()), 2);
        // A search with no filter (no condition on the matches).
        String searchArticles = ArticleQueries.searchStatement("TRUE");
        Map<String, Object> firstRound = NamedStatement.values(Map.of(), "roundsStart", 0L,
                "roundsLength", (long) ArticleQueries.RANKING_ROUND, "offsetInRounds", 0L, "limit", FIRST_PAGE);
        long entity = choices.entity();
        return List.of(
                new Plan("GetEntity: profile, tone trend and top co-mentions in one statement (EntityQueries.DETAILS)",
                        EntityQueries.DETAILS,
                        NamedStatement.values(TimelineQueries.TONE_TREND_PARAMETERS, "id", entity)),
                new Plan("GetEntity: tone trend (TimelineQueries.TONE_TREND)", TimelineQueries.TONE_TREND,
                        NamedStatement.values(TimelineQueries.TONE_TREND_PARAMETERS, "id", entity)),
                new Plan("SearchEntities with a typo, the whole statement (EntityQueries.SEARCH; the function's"
                        + " own plan is the next one)", EntityQueries.SEARCH, NamedStatement.values(Map.of(),
                        "key", choices.typo(), "type", null, "offset", 0, "limit", FIRST_PAGE)),
                new Plan("SearchEntities with a typo: the statement of the entity_search function, with its"
                        + " settings (only bitmap scans)", entitySearch.sql(), NamedStatement.values(Map.of(),
                        "search_key", choices.typo(), "only_type", null, "skip_rows", 0, "max_rows", FIRST_PAGE),
                        entitySearch.settings()),
                new Plan("ListQuotes by speaker (QuoteQueries.LIST)", QuoteQueries.page(QuoteQueries.QUOTES_FROM,
                        QuoteQueries.BY_SPEAKER_ID, QuoteQueries.QUOTE_DATE),
                        NamedStatement.values(Map.of(), "speakerId", choices.speaker(), "limit", FIRST_PAGE)),
                new Plan("ListQuotes near the most mentioned entity (QuoteQueries.NEAR_ENTITY, NEAR_ENTITY_PLAN)",
                        nearEntity, NamedStatement.values(Map.of(), "nearId", entity, "limit", FIRST_PAGE),
                        QuoteQueries.NEAR_ENTITY_PLAN),
                new Plan("ListQuotes near an entity in about 1.5% of the articles (QuoteQueries.NEAR_ENTITY,"
                        + " NEAR_ENTITY_PLAN)", nearEntity,
                        NamedStatement.values(Map.of(), "nearId", choices.middling(), "limit", FIRST_PAGE),
                        QuoteQueries.NEAR_ENTITY_PLAN),
                new Plan("ListQuotes by a quote word (QuoteQueries.LIST)", QuoteQueries.page(QuoteQueries.QUOTES_FROM,
                        QuoteQueries.BY_WORDS, QuoteQueries.QUOTE_DATE),
                        NamedStatement.values(Map.of(), "textQuery", choices.quoteWord(), "limit", FIRST_PAGE),
                        PlannerSettings.WORD_SEARCH),
                new Plan("GetCoMentions (CoMentionQueries.CO_MENTIONS)", CoMentionQueries.CO_MENTIONS,
                        NamedStatement.values(Map.of(), "id", entity, "offset", 0, "limit", FIRST_PAGE)),
                new Plan("GetEntityTimeline by week (TimelineQueries.statement, all time)", allTime.sql(),
                        NamedStatement.values(allTime.parameters(), "unit", TimelineQueries.Granularity.WEEK.unit(),
                                "id", entity, "offset", 0, "limit", FIRST_BUCKETS)),
                new Plan("GetEntityTimeline by day from 12:00 on a day (whole days and the part of a day)",
                        fromNoon.sql(), NamedStatement.values(fromNoon.parameters(), "unit",
                        TimelineQueries.Granularity.DAY.unit(), "id", entity, "offset", 0, "limit", FIRST_BUCKETS)),
                new Plan("SearchArticles for '" + choices.word() + "' (ArticleQueries.SEARCH)", searchArticles,
                        NamedStatement.values(firstRound, "query", choices.word()), PlannerSettings.WORD_SEARCH),
                new Plan("SearchArticles for '" + COMMON_WORD + "' (ArticleQueries.SEARCH)", searchArticles,
                        NamedStatement.values(firstRound, "query", COMMON_WORD), PlannerSettings.WORD_SEARCH),
                new Plan("ListStories with at least two reports (StoryQueries.STORIES)",
                        StoryQueries.statement(stories.sql()),
                        NamedStatement.values(stories.parameters(), "offset", 0, "limit", FIRST_PAGE)));
    }

    /**
     * The statement the entity_search function (V7) returns the rows of, read from the store as
     * it holds the function, its arguments written as named parameters; and the settings the
     * function runs with (its SET clauses).
     */
    private static StoredFunction entitySearch(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT p.prosrc,"
                + " (p.proargnames)[1:p.pronargs], p.proconfig FROM pg_proc p WHERE p.proname = 'entity_search'");
             ResultSet row = statement.executeQuery()) {
            if (!row.next()) {
                throw new IllegalStateException("the store has no entity_search function");
            }
            return StoredFunction.of(row.getString(1), strings(row.getArray(2)), strings(row.getArray(3)));
        }
    }

    private static String[] strings(Array array) throws SQLException {
        return array == null ? new String[0] : (String[]) array.getArray();
    }

    // "name = value, ..." in name order, for the plans file.
    private static String describe(Map<String, ?> values) {
        return new TreeMap<>(values).entrySet().stream()
                .map(value -> value.getKey() + " = " + value.getValue())
                .collect(Collectors.joining(", "));
    }

    private static long single(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet row = statement.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    private static String text(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet row = statement.executeQuery()) {
            row.next();
            return row.getString(1);
        }
    }
}
