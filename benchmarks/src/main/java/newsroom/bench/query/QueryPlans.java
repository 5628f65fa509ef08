package newsroom.bench.query;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * EXPLAIN (ANALYZE, BUFFERS) of the query service's main statements, with the
 * SQL as the service sends it (query-service's *Queries classes) and the
 * hardest parameters of the store: the entity mentioned in the most articles,
 * the speaker with the most quotes, the most frequent title word.
 */
final class QueryPlans {

    /** QuoteQueries.NEAR_ENTITY as the service runs it, for an entity id given twice as %1$d. */
    // QuoteQueries.LIST: the page chosen from the quotes alone, then its articles and speakers.
    private static String quotePage(String from, String where, String date) {
        return """
                SELECT a.id, a.title, page.text, page.speaker_entity_id,
                       coalesce((SELECT e.name FROM entity e WHERE e.id = page.speaker_entity_id), page.speaker), page.cue
                FROM (SELECT q.id, q.article_id, q.text, q.speaker_entity_id, q.speaker, q.cue, q.begin_offset,
                             q.end_offset, %3$s AS published_at
                      FROM %1$s
                      WHERE %2$s
                      ORDER BY %3$s DESC, q.article_id DESC, q.begin_offset, q.id
                      OFFSET 0 LIMIT 21) page
                JOIN article a ON a.id = page.article_id
                ORDER BY page.published_at DESC, page.article_id DESC, page.begin_offset, page.id""".formatted(from, where, date);
    }

    private static String nearEntity(long entity) {
        return quotePage("entity_article ea JOIN quote q ON q.article_id = ea.article_id", """
                ea.entity_id = %1$d
                        AND EXISTS (SELECT 1 FROM mention m
                                    WHERE m.article_id = q.article_id AND m.entity_id = %1$d
                                      AND m.begin_offset < q.end_offset + 300 AND m.end_offset > q.begin_offset - 300)""".formatted(entity),
                "ea.published_at");
    }

    // A word in about one article in ten of the base sample: it walks the date index.
    private static final String COMMON_WORD = "oil";

    // What ArticleQueries.search sets for its transaction (plan_cache_mode is moot for a literal statement).
    private static final String SEARCH_SETTINGS = "seq_page_cost = 0.05; random_page_cost = 0.05";

    private QueryPlans() {
    }

    static void write(Connection connection, Workload workload, Path file) throws SQLException, IOException {
        long entity = single(connection, "SELECT entity_id FROM entity_article GROUP BY entity_id ORDER BY count(*) DESC LIMIT 1");
        long speaker = single(connection, "SELECT speaker_entity_id FROM quote WHERE speaker_entity_id IS NOT NULL"
                + " GROUP BY speaker_entity_id ORDER BY count(*) DESC LIMIT 1");
        String name = text(connection, "SELECT name_key FROM entity WHERE id = " + entity);
        String typo = name.length() > 4 ? name.substring(0, 1) + name.charAt(2) + name.charAt(1) + name.substring(3) : name;
        String word = workload.searchWord(new java.util.Random(1));
        String quoteWord = workload.quoteWord(new java.util.Random(1));
        // The entity nearest to 1.5% of the articles: before the NEAR_ENTITY rewrite, quotes near
        // such an entity were the slowest to list.
        long middling = single(connection, "SELECT entity_id FROM entity_article GROUP BY entity_id"
                + " ORDER BY abs(count(*) - (SELECT count(*) FROM article) * 0.015), entity_id LIMIT 1");
        StringBuilder out = new StringBuilder();
        out.append("entity ").append(entity).append(" (").append(name).append("), speaker ").append(speaker)
                .append(", typo '").append(typo).append("', search word '").append(word).append("'\n\n");
        List<String[]> queries = List.of(
                new String[] {"GetEntity: profile, tone trend and top co-mentions in one statement (EntityQueries.DETAILS)", """
                        SELECT e.id, e.name, e.type, e.mention_count, e.article_count,
                               (SELECT min(ea.published_at) FROM entity_article ea WHERE ea.entity_id = e.id),
                               (SELECT max(ea.published_at) FROM entity_article ea WHERE ea.entity_id = e.id),
                               e.quote_count,
                               (SELECT array_agg(al.alias ORDER BY al.alias) FROM entity_alias al
                                WHERE al.entity_id = e.id AND al.alias_key <> e.name_key),
                               trend.periods, trend.mentions, trend.articles, trend.tones, trend.toned,
                               top.ids, top.names, top.types, top.shared
                        FROM entity e
                        CROSS JOIN LATERAL (
                            SELECT array_agg(CAST(extract(epoch FROM b.period) AS bigint) ORDER BY b.period) AS periods,
                                   array_agg(CAST(b.mentions AS bigint) ORDER BY b.period) AS mentions,
                                   array_agg(CAST(b.articles AS bigint) ORDER BY b.period) AS articles,
                                   array_agg(CAST(b.tone AS double precision) ORDER BY b.period) AS tones,
                                   array_agg(CAST(b.toned AS bigint) ORDER BY b.period) AS toned
                            FROM (SELECT date_trunc('month', CAST(days.day AS timestamp)) AT TIME ZONE 'UTC' AS period,
                                         sum(days.mention_count), sum(days.article_count),
                                         coalesce(sum(days.tone_sum) / nullif(sum(days.tone_count), 0), 0), sum(days.tone_count)
                                  FROM (SELECT d.day, d.mention_count, d.article_count, d.tone_sum, d.tone_count
                                        FROM entity_day d
                                        WHERE d.entity_id = %1$d AND d.day >= (SELECT CAST(date_trunc('month', CAST(max(last.day) AS timestamp))
                                                                                      - interval '11 months' AS date)
                                                                               FROM entity_day last WHERE last.entity_id = %1$d)) days
                                  GROUP BY period ORDER BY period OFFSET 0 LIMIT 12) AS b(period, mentions, articles, tone, toned)) trend
                        CROSS JOIN LATERAL (
                            SELECT array_agg(CAST(c.id AS bigint) ORDER BY c.shared DESC, c.id) AS ids,
                                   array_agg(CAST(c.name AS text) ORDER BY c.shared DESC, c.id) AS names,
                                   array_agg(CAST(c.type AS text) ORDER BY c.shared DESC, c.id) AS types,
                                   array_agg(CAST(c.shared AS bigint) ORDER BY c.shared DESC, c.id) AS shared
                            FROM (SELECT e.id, e.name, e.type, p.article_count
                                  FROM entity_pair p JOIN entity e ON e.id = p.other_id
                                  WHERE p.entity_id = %1$d AND p.article_count > 0
                                  ORDER BY p.article_count DESC, p.other_id
                                  LIMIT 10) AS c(id, name, type, shared)) top
                        WHERE e.id = %1$d""".formatted(entity)},
                new String[] {"GetEntity: tone trend (TimelineQueries.BUCKETS over WHOLE_DAYS, SINCE_LAST_YEAR)", """
                        SELECT date_trunc(CAST('month' AS text), CAST(days.day AS timestamp)) AT TIME ZONE 'UTC' AS period,
                               sum(days.mention_count), sum(days.article_count),
                               coalesce(sum(days.tone_sum) / nullif(sum(days.tone_count), 0), 0), sum(days.tone_count)
                        FROM (SELECT d.day, d.mention_count, d.article_count, d.tone_sum, d.tone_count
                              FROM entity_day d
                              WHERE d.entity_id = %1$d
                                AND d.day >= (SELECT CAST(date_trunc('month', CAST(max(last.day) AS timestamp))
                                                          - interval '11 months' AS date)
                                              FROM entity_day last WHERE last.entity_id = %1$d)) days
                        GROUP BY period ORDER BY period
                        OFFSET 0 LIMIT 12""".formatted(entity)},
                new String[] {"SearchEntities with a typo, the whole statement (EntityQueries.SEARCH; the function's"
                        + " own plan is the next one)", """
                        SELECT e.id, e.name, e.type, e.mention_count, e.article_count,
                               (SELECT min(ea.published_at) FROM entity_article ea WHERE ea.entity_id = e.id),
                               (SELECT max(ea.published_at) FROM entity_article ea WHERE ea.entity_id = e.id),
                               e.quote_count,
                               (SELECT array_agg(al.alias ORDER BY al.alias) FROM entity_alias al
                                WHERE al.entity_id = e.id AND al.alias_key <> e.name_key)
                        FROM entity_search('%1$s', NULL, 0, 21) WITH ORDINALITY AS found(entity_id, position)
                        CROSS JOIN LATERAL (SELECT * FROM entity WHERE entity.id = found.entity_id OFFSET 0) e
                        ORDER BY found.position""".formatted(typo.replace("'", ""))},
                new String[] {"SearchEntities with a typo: the body of the entity_search function (V7), only bitmap scans", """
                        SELECT matched.entity_id
                        FROM (SELECT al.entity_id, bool_or(al.alias_key = '%1$s') AS exact,
                                     bool_or(strpos(' ' || al.alias_key, ' ' || '%1$s') > 0) AS word,
                                     bool_or(al.alias_key %% '%1$s') AS similar
                              FROM (SELECT a.entity_id, a.alias_key FROM entity_alias a
                                    WHERE a.alias_key LIKE '%%%1$s%%'
                                    UNION ALL
                                    SELECT a.entity_id, a.alias_key FROM entity_alias a
                                    WHERE a.alias_key %% '%1$s') al
                              JOIN entity e ON e.id = al.entity_id
                              GROUP BY al.entity_id) matched
                        JOIN entity e ON e.id = matched.entity_id
                        WHERE matched.word OR matched.similar
                        ORDER BY matched.exact DESC, matched.word DESC, e.mention_count DESC, matched.entity_id
                        OFFSET 0 LIMIT 21""".formatted(typo.replace("'", "")), Baseline.ONLY_BITMAP_SCANS},
                new String[] {"ListQuotes by speaker (QuoteQueries.LIST)",
                        quotePage("quote q", "q.speaker_entity_id = " + speaker, "q.published_at")},
                new String[] {"ListQuotes near the most mentioned entity (QuoteQueries.NEAR_ENTITY, no full sort)", nearEntity(entity), "enable_sort = off"},
                new String[] {"ListQuotes near an entity in about 1.5% of the articles (QuoteQueries.NEAR_ENTITY, no full sort)", nearEntity(middling), "enable_sort = off"},
                new String[] {"ListQuotes by a quote word (QuoteQueries.LIST)", quotePage("quote q",
                        "q.text_vector @@ websearch_to_tsquery('english', '%s')".formatted(quoteWord.replace("'", "")),
                        "q.published_at")},
                new String[] {"GetCoMentions (CoMentionQueries.CO_MENTIONS)", """
                        SELECT e.id, e.name, e.type, p.article_count
                        FROM entity_pair p JOIN entity e ON e.id = p.other_id
                        WHERE p.entity_id = %d AND p.article_count > 0
                        ORDER BY p.article_count DESC, p.other_id
                        OFFSET 0 LIMIT 21""".formatted(entity)},
                new String[] {"GetCoMentions: the entity and its articles (CoMentionQueries.ENTITY)", """
                        SELECT e.id, e.name, e.type, e.article_count
                        FROM entity e WHERE e.id = %d""".formatted(entity)},
                new String[] {"GetEntityTimeline by week (TimelineQueries.BUCKETS over WHOLE_DAYS)", """
                        SELECT date_trunc(CAST('week' AS text), CAST(days.day AS timestamp)) AT TIME ZONE 'UTC' AS period,
                               sum(days.mention_count), sum(days.article_count),
                               coalesce(sum(days.tone_sum) / nullif(sum(days.tone_count), 0), 0), sum(days.tone_count)
                        FROM (SELECT d.day, d.mention_count, d.article_count, d.tone_sum, d.tone_count
                              FROM entity_day d
                              WHERE d.entity_id = %d AND TRUE) days
                        GROUP BY period ORDER BY period
                        OFFSET 0 LIMIT 101""".formatted(entity)},
                new String[] {"GetEntityTimeline by day from 12:00 on a day (WHOLE_DAYS and PART_OF_DAY)", """
                        SELECT date_trunc(CAST('day' AS text), CAST(days.day AS timestamp)) AT TIME ZONE 'UTC' AS period,
                               sum(days.mention_count), sum(days.article_count),
                               coalesce(sum(days.tone_sum) / nullif(sum(days.tone_count), 0), 0), sum(days.tone_count)
                        FROM (SELECT d.day, d.mention_count, d.article_count, d.tone_sum, d.tone_count
                              FROM entity_day d
                              WHERE d.entity_id = %1$d AND d.day >= DATE '1987-06-02'
                              UNION ALL
                              SELECT CAST(ea.published_at AT TIME ZONE 'UTC' AS date) AS day, ea.mention_count,
                                     1 AS article_count, coalesce(ea.tone, 0) AS tone_sum,
                                     CASE WHEN ea.tone IS NULL THEN 0 ELSE 1 END AS tone_count
                              FROM entity_article ea
                              WHERE ea.entity_id = %1$d AND ea.published_at >= '1987-06-01T12:00:00Z'
                                AND ea.published_at < '1987-06-02T00:00:00Z') days
                        GROUP BY period ORDER BY period
                        OFFSET 0 LIMIT 101""".formatted(entity)},
                new String[] {"SearchArticles for '" + word + "' (ArticleQueries.SEARCH)", searchArticles(word),
                        SEARCH_SETTINGS},
                new String[] {"SearchArticles for '" + COMMON_WORD + "' (ArticleQueries.SEARCH)",
                        searchArticles(COMMON_WORD), SEARCH_SETTINGS},
                new String[] {"ListStories with at least two reports (StoryQueries.STORIES)", """
                        SELECT a.id, a.title, reports.n, reports.last_report
                        FROM article a
                        CROSS JOIN LATERAL (SELECT count(*) AS n, max(r.published_at) AS last_report
                                            FROM article r WHERE r.story_id = a.id) reports
                        WHERE a.story_id = a.id AND a.published_at >= '1987-06-01' AND reports.n >= 2
                        ORDER BY a.published_at DESC, a.id DESC
                        OFFSET 0 LIMIT 21"""});
        for (String[] query : queries) {
            out.append("### ").append(query[0]).append("\n\n```sql\n").append(query[1].strip()).append("\n```\n\n```\n");
            try (Statement statement = connection.createStatement()) {
                if (query.length > 2) {
                    Baseline.settings(connection, "SET ", query[2]);
                }
                try (ResultSet plan = statement.executeQuery("EXPLAIN (ANALYZE, BUFFERS) " + query[1])) {
                    while (plan.next()) {
                        out.append(plan.getString(1)).append('\n');
                    }
                }
                if (query.length > 2) {
                    Baseline.settings(connection, "RESET ", query[2]);
                }
            }
            out.append("```\n\n");
        }
        Files.writeString(file, out);
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

    // ArticleQueries.SEARCH for a first page of 20 (the baseline's statement), the word written in.
    private static String searchArticles(String word) {
        return Baseline.SEARCH_ARTICLES_NOW.replace("?", "'" + word.replace("'", "") + "'").strip();
    }
}
