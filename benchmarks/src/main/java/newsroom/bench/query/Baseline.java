package newsroom.bench.query;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import newsroom.query.PlannerSettings;
import newsroom.query.TimeRange;
import newsroom.query.articles.ArticleQueries;
import newsroom.query.entities.CoMentionQueries;
import newsroom.query.entities.EntityProfiles;
import newsroom.query.entities.EntityQueries;
import newsroom.query.entities.TimelineQueries;
import newsroom.query.quotes.QuoteQueries;
import newsroom.store.NameKey;

/**
 * The baseline of the query benchmark, one JDBC client (no gRPC), on the same
 * store in the same run, with the same entities, names and words drawn: the
 * statements the service runs now, each beside the ones it replaced. Before:
 * GetEntity's counts and GetCoMentions aggregating the raw mention and
 * article_entity tables (no V4 rollups); SearchEntities and SearchArticles
 * before the plan fixes (a sequential scan computing similarity for every
 * alias; ranking every match of the words); GetEntity's profile, a timeline
 * by week and SearchArticles' snippets before the V5 day rollups and
 * windowed headlines.
 *
 * <p>The statements before are this benchmark's own, kept as the baseline
 * the figures are compared with: the service no longer has them. The
 * statements now are the service's own text, read from its query classes
 * and run by {@link NamedStatement}, with their named parameters bound to
 * the draw and to a first page's values, and with the planner settings the
 * service runs them with. SearchArticles and ListQuotes are timed without the
 * bound on the newest months (NewestMonths) that the service tries first on
 * a large store: as the statement it falls back to.
 */
final class Baseline {

    private static final int CALLS = 200;

    /** A first page: 20 rows and one more, which tells the service whether there is a next page. */
    private static final int FIRST_PAGE = 21;

    // The ts_headline options ArticleQueries used before its snippets were built in Java, as an SQL literal.
    static final String HEADLINE_OPTIONS =
            "'StartSel=<b>, StopSel=</b>, MinWords=15, MaxWords=35, MaxFragments=2, FragmentDelimiter=\" … \"'";

    static final String RAW_PROFILE = """
            SELECT (SELECT count(*) FROM mention WHERE entity_id = ?),
                   count(DISTINCT ae.article_id), min(a.published_at), max(a.published_at),
                   (SELECT count(*) FROM quote WHERE speaker_entity_id = ?)
            FROM article_entity ae JOIN article a ON a.id = ae.article_id
            WHERE ae.entity_id = ?
            """;

    static final String RAW_CO_MENTIONS = """
            SELECT other.entity_id, count(DISTINCT other.article_id) AS shared
            FROM article_entity mine JOIN article_entity other
              ON other.article_id = mine.article_id AND other.entity_id <> mine.entity_id
            WHERE mine.entity_id = ?
            GROUP BY other.entity_id
            ORDER BY shared DESC, other.entity_id
            LIMIT 20
            """;

    // GetEntity's counts from the V4 rollups, as the service read them until V5 and V8: a step
    // between the raw aggregates and the profile it reads now (SERVICE_PROFILE).
    static final String ROLLUP_PROFILE = """
            SELECT sum(mention_count), count(*), min(published_at), max(published_at),
                   (SELECT count(*) FROM quote WHERE speaker_entity_id = ?)
            FROM entity_article WHERE entity_id = ?
            """;

    // EntityQueries.SEARCH before the entity_search function (V7), run with sequential scans allowed.
    static final String SEARCH_ENTITIES = """
            SELECT matched.entity_id
            FROM (SELECT al.entity_id, bool_or(al.alias_key = CAST(? AS text)) AS exact,
                         bool_or(strpos(' ' || al.alias_key, ' ' || CAST(? AS text)) > 0) AS word,
                         bool_or(al.alias_key % CAST(? AS text)) AS similar
                  FROM entity_alias al JOIN entity e ON e.id = al.entity_id
                  WHERE (al.alias_key LIKE ? OR al.alias_key % CAST(? AS text))
                  GROUP BY al.entity_id) matched
            JOIN entity e ON e.id = matched.entity_id
            WHERE matched.word OR matched.similar
            ORDER BY matched.exact DESC, matched.word DESC, e.mention_count DESC, matched.entity_id
            OFFSET 0 LIMIT 21
            """;

    // ArticleQueries.SEARCH before the fix: every match ranked.
    static final String SEARCH_ARTICLES_ALL = """
            SELECT a.id, a.title, hit.rank,
                   ts_headline('english', a.cleaned_text, websearch_to_tsquery('english', ?), 'MaxFragments=2')
            FROM (SELECT s.article_id AS id, ts_rank_cd(s.search_vector, q.tsq) AS rank
                  FROM article_search s, websearch_to_tsquery('english', ?) AS q(tsq)
                  WHERE s.search_vector @@ q.tsq AND TRUE
                  ORDER BY rank DESC, s.article_id DESC
                  OFFSET 0 LIMIT 21) hit
            JOIN article a ON a.id = hit.id
            ORDER BY hit.rank DESC, hit.id DESC
            """;

    // The hits of a first page of 20 ranked among the newest 200 matches (ArticleQueries.SEARCH until rounds).
    private static final String NEWEST_200_HITS = """
            (SELECT c.id, ts_rank_cd(c.search_vector, websearch_to_tsquery('english', ?)) AS rank
                  FROM (SELECT s.article_id AS id, s.search_vector
                        FROM article_search s
                        WHERE s.search_vector @@ websearch_to_tsquery('english', ?) AND TRUE
                        ORDER BY s.published_at DESC, s.article_id DESC
                        LIMIT 200) c
                  ORDER BY rank DESC, c.id DESC
                  OFFSET 0 LIMIT 21)""";

    // The hits of a first page of 20 from the first round of the 100 newest matches, as ArticleQueries.SEARCH
    // took them when rounds came.
    private static final String FIRST_ROUND_HITS = """
            (SELECT c.id,
                         (row_number() OVER (ORDER BY c.published_at DESC, c.id DESC) - 1) / 100 AS round,
                         ts_rank_cd(c.search_vector, websearch_to_tsquery('english', ?)) AS rank
                  FROM (SELECT s.article_id AS id, s.published_at, s.search_vector
                        FROM article_search s
                        WHERE s.search_vector @@ websearch_to_tsquery('english', ?) AND TRUE
                        ORDER BY s.published_at DESC, s.article_id DESC
                        OFFSET 0 LIMIT 100) c
                  ORDER BY round, rank DESC, c.id DESC
                  OFFSET 0 LIMIT 21)""";

    // ArticleQueries.SEARCH with the newest 200 matches ranked, whole-text headlines.
    static final String SEARCH_ARTICLES_NEWEST = """
            SELECT a.id, a.title, hit.rank,
                   ts_headline('english', a.cleaned_text, websearch_to_tsquery('english', ?), 'MaxFragments=2')
            FROM %s hit
            JOIN article a ON a.id = hit.id
            ORDER BY hit.rank DESC, hit.id DESC
            """.formatted(NEWEST_200_HITS);

    // QuoteQueries.NEAR_ENTITY before: all quotes newest first, or all the entity's articles' quotes sorted.
    static final String NEAR_QUOTES_BEFORE = """
            SELECT a.id, a.title, q.text, q.speaker_entity_id, coalesce(e.name, q.speaker), q.cue
            FROM quote q JOIN article a ON a.id = q.article_id
            LEFT JOIN entity e ON e.id = q.speaker_entity_id
            WHERE q.article_id IN (SELECT ea.article_id FROM entity_article ea WHERE ea.entity_id = ?)
              AND EXISTS (SELECT 1 FROM mention m
                          WHERE m.article_id = q.article_id AND m.entity_id = ?
                            AND m.begin_offset < q.end_offset + 300 AND m.end_offset > q.begin_offset - 300)
            ORDER BY q.published_at DESC, q.article_id DESC, q.begin_offset, q.id
            LIMIT 21
            """;

    // ListQuotes near an entity as the service runs it: the entity's articles newest first, nested loops only.
    private static final String SERVICE_NEAR_QUOTES = QuoteQueries.page(QuoteQueries.NEAR_ENTITY_FROM,
            QuoteQueries.NEAR_ENTITY, QuoteQueries.NEAR_ENTITY_DATE);

    // EntityProfiles.COLUMNS before V8: the V5 day rollups, the two ends of the entity's articles,
    // quotes counted, aliases.
    static final String DAY_ROLLUP_PROFILE = """
            SELECT e.id, e.name, e.type, e.mention_count,
                   (SELECT coalesce(sum(d.article_count), 0) FROM entity_day d WHERE d.entity_id = e.id),
                   (SELECT min(ea.published_at) FROM entity_article ea WHERE ea.entity_id = e.id),
                   (SELECT max(ea.published_at) FROM entity_article ea WHERE ea.entity_id = e.id),
                   (SELECT count(*) FROM quote q WHERE q.speaker_entity_id = e.id),
                   (SELECT array_agg(al.alias ORDER BY al.alias) FROM entity_alias al
                    WHERE al.entity_id = e.id AND al.alias_key <> e.name_key)
            FROM entity e
            WHERE e.id IN (?)
            """;

    // The profile as the service reads it (EntityProfiles.COLUMNS): articles and quotes from the
    // entity's row (V8), the two ends of the entity's articles, aliases.
    private static final String SERVICE_PROFILE = "SELECT " + EntityProfiles.COLUMNS + "\nFROM entity e WHERE e.id = :id";

    // TimelineQueries.BUCKETS by week before V5: every entity_article row of the entity.
    static final String WEEKS_FROM_ARTICLES = """
            SELECT date_trunc('week', ea.published_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' AS period,
                   sum(ea.mention_count), count(*), coalesce(avg(ea.tone), 0), count(ea.tone)
            FROM entity_article ea
            WHERE ea.entity_id = ?
            GROUP BY period ORDER BY period
            OFFSET 0 LIMIT 101
            """;

    // A timeline over all time as the service reads it: the entity's entity_day rows (V5), each
    // period with all articles of its days (article_day, V17).
    private static final TimelineQueries.Statement SERVICE_TIMELINE = TimelineQueries.statement(TimeRange.ALL);

    // ArticleQueries.SEARCH before rounds: the newest 200 ranked, headlines by ts_headline over a window
    // around the first match, with the service's headline options; SEARCH_ARTICLES_WHOLE_TEXT is the same
    // with whole-text headlines.
    static final String SEARCH_ARTICLES_WINDOW = withWindowHeadlines(NEWEST_200_HITS, "hit.rank DESC, hit.id DESC");

    // ArticleQueries.SEARCH in rounds of 100 with headlines still by ts_headline.
    static final String SEARCH_ARTICLES_ROUNDS =
            withWindowHeadlines(FIRST_ROUND_HITS, "hit.round, hit.rank DESC, hit.id DESC");

    // A search with no filter as the service runs it: the texts and the query's lexemes for its
    // snippets (articles.Snippet), which this baseline does not build.
    private static final String SERVICE_SEARCH_ARTICLES = ArticleQueries.searchStatement("TRUE");

    static final String SEARCH_ARTICLES_WHOLE_TEXT = SEARCH_ARTICLES_NEWEST.replace("'MaxFragments=2'", HEADLINE_OPTIONS);

    // The planner settings SearchArticles' statements before ran with: a plan for the words, pages
    // priced at 0.05 (PlannerSettings.SEARCH_PAGE_COST's value when they were replaced).
    private static final Map<String, String> SEARCH_PRICES = Map.of("plan_cache_mode", "force_custom_plan",
            "seq_page_cost", "0.05", "random_page_cost", "0.05");

    private static final Map<String, String> CUSTOM_PLANS = Map.of("plan_cache_mode", "force_custom_plan");

    /** What a statement's parameters are drawn from, and the names of the service's parameters it binds. */
    enum Draw {
        ENTITY("id", "nearId"), NAME("key"), WORD("query");

        private final List<String> names;

        Draw(String... names) {
            this.names = List.of(names);
        }

        List<String> names() {
            return names;
        }
    }

    /**
     * A statement timed.
     *
     * @param sql      a statement before, whose {@code ?} are all bound to the draw, or one of the
     *                 service's, whose named parameters are bound to {@code fixed} and, those of
     *                 {@link Draw#names()}, to the draw
     * @param fixed    values of named parameters that are not drawn (a first page's offset and limit)
     * @param settings planner settings it runs with, set for the session around its runs
     */
    record Statement(String label, String sql, Draw draw, Map<String, Object> fixed, Map<String, String> settings) {

        static Statement before(String label, String sql, Draw draw, Map<String, String> settings) {
            return new Statement(label, sql, draw, Map.of(), settings);
        }
    }

    private Baseline() {
    }

    // A search statement with headlines by ts_headline over 480 characters around the first occurrence of a
    // query stem, as ArticleQueries made them before the service built its snippets.
    private static String withWindowHeadlines(String hits, String order) {
        return """
                WITH terms AS MATERIALIZED (
                    SELECT array_agg(DISTINCT rtrim(t.lexeme, 'i')) AS prefixes
                    FROM unnest(to_tsvector('english', CAST(? AS text))) t
                    WHERE length(rtrim(t.lexeme, 'i')) > 1)
                SELECT a.id, a.title, hit.rank,
                       ts_headline('english',
                                   CASE WHEN first_match.at <= 120 THEN left(a.cleaned_text, 480)
                                        ELSE regexp_replace(substr(a.cleaned_text, first_match.at - 120, 480),
                                                            '^\\S*\\s+', '')
                                   END,
                                   websearch_to_tsquery('english', ?), %1$s)
                FROM %2$s hit
                JOIN article a ON a.id = hit.id
                CROSS JOIN LATERAL (SELECT coalesce(min(nullif(strpos(lower(a.cleaned_text), prefix), 0)), 1) AS at
                                    FROM terms, unnest(terms.prefixes) prefix) first_match
                ORDER BY %3$s
                """.formatted(HEADLINE_OPTIONS, hits, order);
    }

    /** The statements timed, in the order printed: each of the service's after those it replaced. */
    static List<Statement> statements() {
        return List.of(
                Statement.before("GetEntity counts: raw", RAW_PROFILE, Draw.ENTITY, Map.of()),
                Statement.before("GetEntity counts: V4 rollup", ROLLUP_PROFILE, Draw.ENTITY, Map.of()),
                Statement.before("GetEntity profile: V5 days", DAY_ROLLUP_PROFILE, Draw.ENTITY, Map.of()),
                new Statement("GetEntity profile: V8 counts", SERVICE_PROFILE, Draw.ENTITY, Map.of(), Map.of()),
                Statement.before("Timeline weeks: entity_article", WEEKS_FROM_ARTICLES, Draw.ENTITY, Map.of()),
                new Statement("Timeline weeks: V5 entity_day", SERVICE_TIMELINE.sql(), Draw.ENTITY,
                        NamedStatement.values(SERVICE_TIMELINE.parameters(), "unit",
                                TimelineQueries.Granularity.WEEK.unit(), "offset", 0,
                                "limit", TimelineQueries.DEFAULT_BUCKETS + 1), Map.of()),
                Statement.before("GetCoMentions: raw", RAW_CO_MENTIONS, Draw.ENTITY, Map.of()),
                new Statement("GetCoMentions: V4 rollup", CoMentionQueries.CO_MENTIONS, Draw.ENTITY,
                        NamedStatement.values(Map.of(), "offset", 0, "limit", FIRST_PAGE), Map.of()),
                Statement.before("ListQuotes near: before", NEAR_QUOTES_BEFORE, Draw.ENTITY, Map.of()),
                new Statement("ListQuotes near: now", SERVICE_NEAR_QUOTES, Draw.ENTITY,
                        NamedStatement.values(Map.of(), "limit", FIRST_PAGE), QuoteQueries.NEAR_ENTITY_PLAN),
                Statement.before("SearchEntities: seq scan", SEARCH_ENTITIES, Draw.NAME, Map.of()),
                // The entity_search function (V7) allows itself only bitmap scans.
                new Statement("SearchEntities: bitmap only", EntityQueries.SEARCH, Draw.NAME,
                        NamedStatement.values(Map.of(), "type", null, "offset", 0, "limit", FIRST_PAGE), Map.of()),
                Statement.before("SearchArticles: rank all", SEARCH_ARTICLES_ALL, Draw.WORD, CUSTOM_PLANS),
                Statement.before("SearchArticles: newest 200", SEARCH_ARTICLES_NEWEST, Draw.WORD, CUSTOM_PLANS),
                Statement.before("SearchArticles: whole-text snippets", SEARCH_ARTICLES_WHOLE_TEXT, Draw.WORD,
                        CUSTOM_PLANS),
                Statement.before("SearchArticles: window snippets", SEARCH_ARTICLES_WINDOW, Draw.WORD, CUSTOM_PLANS),
                // Pages priced low (PlannerSettings.SEARCH_PAGE_COST).
                Statement.before("SearchArticles: window snippets, pages 0.05", SEARCH_ARTICLES_WINDOW, Draw.WORD,
                        SEARCH_PRICES),
                // Ranked in rounds of 100 (ArticleQueries.RANKING_ROUND).
                Statement.before("SearchArticles: rounds of 100", SEARCH_ARTICLES_ROUNDS, Draw.WORD, SEARCH_PRICES),
                // As the service runs it now: snippets built by the service from the texts.
                new Statement("SearchArticles: rounds, texts", SERVICE_SEARCH_ARTICLES, Draw.WORD,
                        NamedStatement.values(Map.of(), "roundsStart", 0L,
                                "roundsLength", (long) ArticleQueries.RANKING_ROUND, "offsetInRounds", 0L,
                                "limit", FIRST_PAGE), PlannerSettings.WORD_SEARCH));
    }

    static void print(Connection connection, Workload workload, int runs) throws Exception {
        System.out.println("baseline: the statements before (raw aggregates without the V4 rollups; searches before"
                + " the plan fixes) vs now, 1 JDBC client, " + CALLS
                + " calls per run, same draws (latency in ms, median of runs)");
        for (Statement query : statements()) {
            double[] p50 = new double[runs];
            double[] p99 = new double[runs];
            settings(connection, "SET ", query.settings());
            NamedStatement sql = new NamedStatement(query.sql());
            for (int run = 0; run < runs; run++) {
                Random random = new Random(7 + run);
                long[] latencies = new long[CALLS];
                try (PreparedStatement statement = sql.prepare(connection)) {
                    int parameters = statement.getParameterMetaData().getParameterCount();
                    for (int call = 0; call < CALLS; call++) {
                        if (sql.isNamed()) {
                            sql.bind(statement, drawn(sql, query, workload, random));
                        } else {
                            bind(statement, parameters, query.draw(), workload, random);
                        }
                        long begin = System.nanoTime();
                        try (ResultSet rows = statement.executeQuery()) {
                            while (rows.next()) {
                                rows.getObject(1);
                            }
                        }
                        latencies[call] = System.nanoTime() - begin;
                    }
                }
                Arrays.sort(latencies);
                p50[run] = latencies[CALLS / 2 - 1] / 1e6;
                p99[run] = latencies[(int) Math.ceil(CALLS * 0.99) - 1] / 1e6;
            }
            settings(connection, "RESET ", query.settings());
            Arrays.sort(p50);
            Arrays.sort(p99);
            System.out.printf(Locale.ROOT, "%-28s p50 %8.2f   p99 %8.2f%n", query.label(), p50[runs / 2], p99[runs / 2]);
        }
    }

    /** The values of a service statement's parameters: {@code fixed}, and the draw for its draw's names. */
    private static Map<String, Object> drawn(NamedStatement sql, Statement query, Workload workload, Random random) {
        Object draw = switch (query.draw()) {
            case ENTITY -> workload.entity(random);
            case NAME -> NameKey.of(workload.entityName(random));
            case WORD -> workload.searchWord(random);
        };
        Map<String, Object> values = new HashMap<>(query.fixed());
        for (String name : query.draw().names()) {
            if (sql.names().contains(name)) {
                values.put(name, draw);
            }
        }
        return values;
    }

    // A statement before: every ? bound to the draw (the fourth of SEARCH_ENTITIES to a LIKE pattern).
    private static void bind(PreparedStatement statement, int parameters, Draw draw, Workload workload, Random random)
            throws SQLException {
        switch (draw) {
            case ENTITY -> {
                long entity = workload.entity(random);
                for (int p = 1; p <= parameters; p++) {
                    statement.setLong(p, entity);
                }
            }
            case NAME -> {
                String key = NameKey.of(workload.entityName(random));
                for (int p = 1; p <= parameters; p++) {
                    statement.setString(p, p == 4 ? "%" + key + "%" : key);
                }
            }
            case WORD -> {
                String word = workload.searchWord(random);
                for (int p = 1; p <= parameters; p++) {
                    statement.setString(p, word);
                }
            }
        }
    }

    /** SETs or RESETs each of {@code settings} for the session. */
    static void settings(Connection connection, String command, Map<String, String> settings) throws SQLException {
        try (java.sql.Statement statement = connection.createStatement()) {
            for (Map.Entry<String, String> setting : settings.entrySet()) {
                statement.execute(command + setting.getKey()
                        + (command.startsWith("RESET") ? "" : " = " + setting.getValue()));
            }
        }
    }
}
