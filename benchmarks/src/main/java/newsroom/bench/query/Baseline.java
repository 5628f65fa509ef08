package newsroom.bench.query;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import newsroom.store.NameKey;

/**
 * The baseline of the query benchmark, one JDBC client (no gRPC), on the same
 * store in the same run, with the same entities, names and words drawn:
 * GetEntity's counts and GetCoMentions computed as they would be without the
 * V4 rollups, by aggregating the raw mention and article_entity tables; and
 * SearchEntities and SearchArticles as the service ran them before the plan
 * fixes (a sequential scan computing similarity for every alias; ranking
 * every match of the words); and GetEntity's profile, a timeline by week and
 * SearchArticles' snippets before and after the V5 day rollups and windowed
 * headlines.
 */
final class Baseline {

    private static final int CALLS = 200;

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

    // The statements the service runs instead (EntityProfiles.PROFILES, CoMentionQueries.CO_MENTIONS),
    // timed the same way, so the two are compared under the same conditions.
    static final String ROLLUP_PROFILE = """
            SELECT sum(mention_count), count(*), min(published_at), max(published_at),
                   (SELECT count(*) FROM quote WHERE speaker_entity_id = ?)
            FROM entity_article WHERE entity_id = ?
            """;

    static final String ROLLUP_CO_MENTIONS = """
            SELECT e.id, e.name, e.type, p.article_count
            FROM entity_pair p JOIN entity e ON e.id = p.other_id
            WHERE p.entity_id = ? AND p.article_count > 0
            ORDER BY p.article_count DESC, p.other_id
            LIMIT 21
            """;

    // EntityQueries.SEARCH; run with sequential scans allowed (before) and off (now).
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

    // The hits of a first page of 20 from the first round of the 100 newest matches (ArticleQueries.SEARCH now).
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

    // QuoteQueries.NEAR_ENTITY now: the entity's articles newest first, no full sort.
    static final String NEAR_QUOTES_NOW = """
            SELECT a.id, a.title, q.text, q.speaker_entity_id, coalesce(e.name, q.speaker), q.cue
            FROM entity_article ea JOIN quote q ON q.article_id = ea.article_id
            JOIN article a ON a.id = q.article_id
            LEFT JOIN entity e ON e.id = q.speaker_entity_id
            WHERE ea.entity_id = ?
              AND EXISTS (SELECT 1 FROM mention m
                          WHERE m.article_id = q.article_id AND m.entity_id = ?
                            AND m.begin_offset < q.end_offset + 300 AND m.end_offset > q.begin_offset - 300)
            ORDER BY ea.published_at DESC, q.article_id DESC, q.begin_offset, q.id
            LIMIT 21
            """;

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

    // EntityProfiles.COLUMNS now: articles and quotes from the entity's row (V8), the two ends of
    // the entity's articles, aliases.
    static final String ENTITY_COUNTS_PROFILE = """
            SELECT e.id, e.name, e.type, e.mention_count, e.article_count,
                   (SELECT min(ea.published_at) FROM entity_article ea WHERE ea.entity_id = e.id),
                   (SELECT max(ea.published_at) FROM entity_article ea WHERE ea.entity_id = e.id),
                   e.quote_count,
                   (SELECT array_agg(al.alias ORDER BY al.alias) FROM entity_alias al
                    WHERE al.entity_id = e.id AND al.alias_key <> e.name_key)
            FROM entity e
            WHERE e.id IN (?)
            """;

    // TimelineQueries.BUCKETS by week before V5: every entity_article row of the entity.
    static final String WEEKS_FROM_ARTICLES = """
            SELECT date_trunc('week', ea.published_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' AS period,
                   sum(ea.mention_count), count(*), coalesce(avg(ea.tone), 0), count(ea.tone)
            FROM entity_article ea
            WHERE ea.entity_id = ?
            GROUP BY period ORDER BY period
            OFFSET 0 LIMIT 101
            """;

    // TimelineQueries.BUCKETS by week now: the entity's entity_day rows.
    static final String WEEKS_FROM_DAYS = """
            SELECT date_trunc('week', CAST(days.day AS timestamp)) AT TIME ZONE 'UTC' AS period,
                   sum(days.mention_count), sum(days.article_count),
                   coalesce(sum(days.tone_sum) / nullif(sum(days.tone_count), 0), 0), sum(days.tone_count)
            FROM (SELECT d.day, d.mention_count, d.article_count, d.tone_sum, d.tone_count
                  FROM entity_day d WHERE d.entity_id = ?) days
            GROUP BY period ORDER BY period
            OFFSET 0 LIMIT 101
            """;

    // ArticleQueries.SEARCH before rounds: the newest 200 ranked, headlines by ts_headline over a window
    // around the first match, with the service's headline options; SEARCH_ARTICLES_WHOLE_TEXT is the same
    // with whole-text headlines.
    static final String SEARCH_ARTICLES_WINDOW = withWindowHeadlines(NEWEST_200_HITS, "hit.rank DESC, hit.id DESC");

    // ArticleQueries.SEARCH in rounds of 100 with headlines still by ts_headline.
    static final String SEARCH_ARTICLES_ROUNDS =
            withWindowHeadlines(FIRST_ROUND_HITS, "hit.round, hit.rank DESC, hit.id DESC");

    // ArticleQueries.SEARCH now: the texts and the query's lexemes for the service's snippets
    // (articles.Snippet), which this baseline does not build.
    static final String SEARCH_ARTICLES_NOW = """
            SELECT a.id, a.title, hit.rank, left(a.cleaned_text, 20000),
                   (SELECT string_agg(t.lexeme, ' ') FROM unnest(to_tsvector('english', CAST(? AS text))) t)
            FROM %s hit
            JOIN article a ON a.id = hit.id
            ORDER BY hit.round, hit.rank DESC, hit.id DESC
            """.formatted(FIRST_ROUND_HITS);

    static final String SEARCH_ARTICLES_WHOLE_TEXT = SEARCH_ARTICLES_NEWEST.replace("'MaxFragments=2'", HEADLINE_OPTIONS);

    // ArticleQueries' planner settings for SearchArticles.
    static final String SEARCH_PRICES =
            "plan_cache_mode = force_custom_plan; seq_page_cost = 0.05; random_page_cost = 0.05";

    // EntityQueries' planner settings for the search.
    static final String ONLY_BITMAP_SCANS = "enable_seqscan = off; enable_indexscan = off; enable_indexonlyscan = off";

    /** What a statement's parameters are drawn from. */
    private enum Draw { ENTITY, NAME, WORD }

    private record Statement(String label, String sql, Draw draw, String setting) {
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

    static void print(Connection connection, Workload workload, int runs) throws Exception {
        System.out.println("baseline: the statements before (raw aggregates without the V4 rollups; searches before"
                + " the plan fixes) vs now, 1 JDBC client, " + CALLS
                + " calls per run, same draws (latency in ms, median of runs)");
        List<Statement> statements = List.of(
                new Statement("GetEntity counts: raw", RAW_PROFILE, Draw.ENTITY, null),
                new Statement("GetEntity counts: V4 rollup", ROLLUP_PROFILE, Draw.ENTITY, null),
                new Statement("GetEntity profile: V5 days", DAY_ROLLUP_PROFILE, Draw.ENTITY, null),
                new Statement("GetEntity profile: V8 counts", ENTITY_COUNTS_PROFILE, Draw.ENTITY, null),
                new Statement("Timeline weeks: entity_article", WEEKS_FROM_ARTICLES, Draw.ENTITY, null),
                new Statement("Timeline weeks: V5 entity_day", WEEKS_FROM_DAYS, Draw.ENTITY, null),
                new Statement("GetCoMentions: raw", RAW_CO_MENTIONS, Draw.ENTITY, null),
                new Statement("GetCoMentions: V4 rollup", ROLLUP_CO_MENTIONS, Draw.ENTITY, null),
                new Statement("ListQuotes near: before", NEAR_QUOTES_BEFORE, Draw.ENTITY, null),
                new Statement("ListQuotes near: now", NEAR_QUOTES_NOW, Draw.ENTITY, "enable_sort = off"),
                new Statement("SearchEntities: seq scan", SEARCH_ENTITIES, Draw.NAME, null),
                new Statement("SearchEntities: bitmap only", SEARCH_ENTITIES, Draw.NAME, ONLY_BITMAP_SCANS),
                new Statement("SearchArticles: rank all", SEARCH_ARTICLES_ALL, Draw.WORD, "plan_cache_mode = force_custom_plan"),
                new Statement("SearchArticles: newest 200", SEARCH_ARTICLES_NEWEST, Draw.WORD,
                        "plan_cache_mode = force_custom_plan"),
                new Statement("SearchArticles: whole-text snippets", SEARCH_ARTICLES_WHOLE_TEXT, Draw.WORD,
                        "plan_cache_mode = force_custom_plan"),
                new Statement("SearchArticles: window snippets", SEARCH_ARTICLES_WINDOW, Draw.WORD,
                        "plan_cache_mode = force_custom_plan"),
                // Pages priced low (PlannerSettings.SEARCH_PAGE_COST).
                new Statement("SearchArticles: window snippets, pages 0.05", SEARCH_ARTICLES_WINDOW, Draw.WORD,
                        SEARCH_PRICES),
                // Ranked in rounds of 100 (ArticleQueries.RANKING_ROUND).
                new Statement("SearchArticles: rounds of 100", SEARCH_ARTICLES_ROUNDS, Draw.WORD, SEARCH_PRICES),
                // As the service runs it now: snippets built by the service from the texts.
                new Statement("SearchArticles: rounds, texts", SEARCH_ARTICLES_NOW, Draw.WORD, SEARCH_PRICES));
        for (Statement query : statements) {
            double[] p50 = new double[runs];
            double[] p99 = new double[runs];
            if (query.setting() != null) {
                settings(connection, "SET ", query.setting());
            }
            for (int run = 0; run < runs; run++) {
                Random random = new Random(7 + run);
                long[] latencies = new long[CALLS];
                try (PreparedStatement statement = connection.prepareStatement(query.sql())) {
                    int parameters = statement.getParameterMetaData().getParameterCount();
                    for (int call = 0; call < CALLS; call++) {
                        bind(statement, parameters, query.draw(), workload, random);
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
            if (query.setting() != null) {
                settings(connection, "RESET ", query.setting());
            }
            Arrays.sort(p50);
            Arrays.sort(p99);
            System.out.printf(Locale.ROOT, "%-28s p50 %8.2f   p99 %8.2f%n", query.label(), p50[runs / 2], p99[runs / 2]);
        }
    }

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

    /** SETs or RESETs each {@code name = value} of {@code settings} (separated by ';'). */
    static void settings(Connection connection, String command, String settings) throws SQLException {
        try (java.sql.Statement statement = connection.createStatement()) {
            for (String setting : settings.split(";")) {
                String set = setting.strip();
                statement.execute(command + (command.startsWith("RESET") ? set.substring(0, set.indexOf(' ')) : set));
            }
        }
    }
}
