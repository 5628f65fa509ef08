package newsroom.ingest.retention;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The statements that count one publication month and remove it, in the caller's transaction
 * (docs/retention.md). Removing, in order:
 * <ol>
 *   <li>the locks: create_month_partitions' advisory lock, then every table the removal writes,
 *       in one order, in EXCLUSIVE mode (reads go on; writes, and row locks such as a writer's
 *       {@code SELECT ... FOR UPDATE}, wait). Once they are held no other transaction holds a
 *       row the removal needs, so nothing it does later waits on a writer that might wait on
 *       it. Each lock is waited for at most {@code lock_timeout} (SQLSTATE 55P03 then), as
 *       V15's create_month_partitions does, and the caller tries the month again;</li>
 *   <li>the rollups the remaining articles are counted in, as {@code ArticleRollups.remove}
 *       takes one article out, for all the month's articles at once: entity mention, article
 *       and quote counts, co-mention pairs (a pair left with no article is deleted). The
 *       month's entity days go with their partition;</li>
 *   <li>stories: a story whose first report is removed is led by its oldest remaining report
 *       (the smallest id: reports are stored in id order), which every remaining report then
 *       names as story and as {@code duplicate_of};</li>
 *   <li>re-analyses: their counts lose the month's items, and one left with no pending item
 *       is finished;</li>
 *   <li>the articles: every row that references one goes with it (ON DELETE CASCADE: mentions,
 *       quotes, search rows, entity links, events, story signatures, re-analysis items; a
 *       source's item forgets its article, ON DELETE SET NULL);</li>
 *   <li>the month's partitions, dropped by V16's drop_month_partitions.</li>
 * </ol>
 */
final class MonthRemoval {

    /** SQLSTATE 55P03: a lock was not granted within lock_timeout. */
    static final String LOCK_NOT_AVAILABLE = "55P03";

    /** How long each lock is waited for before the month's transaction gives up and is tried again. */
    private static final String LOCK_TIMEOUT = "200ms";

    // Every table the removal writes, itself or by its foreign keys' actions. article first: the
    // writers of the others (analysis, intake, re-analysis starts) hold a lock on article (a row
    // they write or reference) for their whole transaction, so once article is held the rest are
    // mostly granted at once; any that is not is waited for no longer than the others.
    private static final String LOCK_TABLES = """
            LOCK TABLE article, entity, source_item, reanalysis_job, reanalysis_item, story_signature,
                       article_entity, entity_article, entity_pair, event, event_entity,
                       mention, quote, article_search, entity_day
            IN EXCLUSIVE MODE
            """;

    private static final String COUNT = """
            SELECT (SELECT count(*) FROM article WHERE published_at >= ? AND published_at < ?),
                   (SELECT count(*) FROM mention WHERE published_at >= ? AND published_at < ?),
                   (SELECT count(*) FROM quote WHERE published_at >= ? AND published_at < ?),
                   (SELECT count(*) FROM article_search WHERE published_at >= ? AND published_at < ?),
                   (SELECT count(*) FROM entity_day WHERE day >= ? AND day < ?)
            """;

    /** The month's articles; both bounds are parameters (start inclusive, end exclusive). */
    private static final String MONTH_ARTICLES = "SELECT id FROM article WHERE published_at >= ? AND published_at < ?";

    // What the month's articles added to each entity (ArticleRollups.COUNT_ENTITIES, summed): one
    // entity_article row per article, its mentions, and the article's quotes with it as speaker.
    private static final String SUBTRACT_ENTITY_COUNTS = """
            UPDATE entity e SET mention_count = e.mention_count - t.mentions,
                                article_count = e.article_count - t.articles,
                                quote_count = e.quote_count - t.quotes
            FROM (SELECT ea.entity_id, sum(ea.mention_count) AS mentions, count(*) AS articles,
                         coalesce(sum(q.quotes), 0) AS quotes
                  FROM entity_article ea
                  LEFT JOIN (SELECT article_id, speaker_entity_id, count(*) AS quotes FROM quote
                             WHERE published_at >= ? AND published_at < ? AND speaker_entity_id IS NOT NULL
                             GROUP BY article_id, speaker_entity_id) q
                         ON q.article_id = ea.article_id AND q.speaker_entity_id = ea.entity_id
                  WHERE ea.article_id IN (%s)
                  GROUP BY ea.entity_id) t
            WHERE e.id = t.entity_id
            """.formatted(MONTH_ARTICLES);

    /** For each ordered pair of entities, the month's articles that mention both. */
    private static final String MONTH_PAIRS = """
            SELECT x.entity_id, y.entity_id AS other_id, count(*) AS articles
            FROM entity_article x JOIN entity_article y ON y.article_id = x.article_id AND y.entity_id <> x.entity_id
            WHERE x.article_id IN (%s)
            GROUP BY x.entity_id, y.entity_id
            """.formatted(MONTH_ARTICLES);

    private static final String DELETE_EMPTIED_PAIRS = """
            DELETE FROM entity_pair p USING (%s) t
            WHERE p.entity_id = t.entity_id AND p.other_id = t.other_id AND p.article_count <= t.articles
            """.formatted(MONTH_PAIRS);

    private static final String SUBTRACT_PAIRS = """
            UPDATE entity_pair p SET article_count = p.article_count - t.articles
            FROM (%s) t
            WHERE p.entity_id = t.entity_id AND p.other_id = t.other_id
            """.formatted(MONTH_PAIRS);

    // Stories rooted in the month with reports outside it: the oldest remaining report leads.
    // Parameters: the month's bounds three times.
    private static final String REROOT_STORIES = """
            UPDATE article a SET story_id = r.new_root,
                                 duplicate_of = CASE WHEN a.id = r.new_root THEN NULL ELSE r.new_root END
            FROM (SELECT s.story_id, min(s.id) AS new_root
                  FROM article s
                  WHERE s.story_id IN (SELECT id FROM article
                                       WHERE published_at >= ? AND published_at < ? AND story_id = id)
                    AND NOT (s.published_at >= ? AND s.published_at < ?)
                  GROUP BY s.story_id) r
            WHERE a.story_id = r.story_id AND NOT (a.published_at >= ? AND a.published_at < ?)
            """;

    // Whatever else still names a removed article as its original: its story's root instead.
    private static final String REPOINT_DUPLICATES = """
            UPDATE article a SET duplicate_of = CASE WHEN a.story_id = a.id THEN NULL ELSE a.story_id END
            WHERE a.duplicate_of IN (%s) AND NOT (a.published_at >= ? AND a.published_at < ?)
            """.formatted(MONTH_ARTICLES);

    // The month's items leave their re-analyses' counts (done_count + failed_count + pending = total_count).
    private static final String SUBTRACT_REANALYSIS_ITEMS = """
            UPDATE reanalysis_job j SET total_count = j.total_count - t.items,
                                        done_count = j.done_count - t.done,
                                        failed_count = j.failed_count - t.failed
            FROM (SELECT i.job_id, count(*) AS items, count(*) FILTER (WHERE i.state = 'DONE') AS done,
                         count(*) FILTER (WHERE i.state = 'FAILED') AS failed
                  FROM reanalysis_item i
                  WHERE i.article_id IN (%s)
                  GROUP BY i.job_id) t
            WHERE j.id = t.job_id
            RETURNING j.id
            """.formatted(MONTH_ARTICLES);

    // As ReanalysisQueue finishes a job whose last pending item is done.
    private static final String FINISH_REANALYSES = """
            UPDATE reanalysis_job j SET finished_at = now()
            WHERE j.id = ANY (?) AND j.finished_at IS NULL
              AND NOT EXISTS (SELECT FROM reanalysis_item i WHERE i.job_id = j.id AND i.state = 'PENDING')
            """;

    private static final String DELETE_ARTICLES = "DELETE FROM article WHERE published_at >= ? AND published_at < ?";

    private static final String DROP_PARTITIONS = "SELECT drop_month_partitions(?)";

    private final YearMonth month;
    private final OffsetDateTime start;
    private final OffsetDateTime end;

    MonthRemoval(YearMonth month) {
        this.month = month;
        this.start = month.atDay(1).atStartOfDay().atOffset(ZoneOffset.UTC);
        this.end = month.plusMonths(1).atDay(1).atStartOfDay().atOffset(ZoneOffset.UTC);
    }

    /** The month's rows, as the connection's transaction sees them. */
    MonthCounts count(Connection connection) throws SQLException {
        try (PreparedStatement count = connection.prepareStatement(COUNT)) {
            for (int i = 0; i < 4; i++) {
                bindMonth(count, 1 + 2 * i);
            }
            count.setObject(9, month.atDay(1));
            count.setObject(10, month.plusMonths(1).atDay(1));
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return new MonthCounts(month, row.getLong(1), row.getLong(2), row.getLong(3), row.getLong(4),
                        row.getLong(5));
            }
        }
    }

    /**
     * Removes the month in the connection's transaction, which the caller commits; what it held.
     *
     * @throws SQLException with SQLSTATE {@value #LOCK_NOT_AVAILABLE} when a lock was not granted in
     *     time: the caller rolls back and tries again
     */
    MonthCounts remove(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET LOCAL lock_timeout = '" + LOCK_TIMEOUT + "'");
            statement.execute("SELECT pg_advisory_xact_lock(hashtext('newsroom.create_month_partitions'))");
            statement.execute(LOCK_TABLES);
        }
        MonthCounts counts = count(connection);
        List<Long> reanalyses = new ArrayList<>();
        try (PreparedStatement subtract = connection.prepareStatement(SUBTRACT_REANALYSIS_ITEMS)) {
            bindMonth(subtract, 1);
            try (ResultSet rows = subtract.executeQuery()) {
                while (rows.next()) {
                    reanalyses.add(rows.getLong(1));
                }
            }
        }
        update(connection, SUBTRACT_ENTITY_COUNTS, 2);
        update(connection, DELETE_EMPTIED_PAIRS, 1);
        update(connection, SUBTRACT_PAIRS, 1);
        update(connection, REROOT_STORIES, 3);
        update(connection, REPOINT_DUPLICATES, 2);
        update(connection, DELETE_ARTICLES, 1);
        if (!reanalyses.isEmpty()) {
            try (PreparedStatement finish = connection.prepareStatement(FINISH_REANALYSES)) {
                finish.setArray(1, connection.createArrayOf("bigint", reanalyses.toArray()));
                finish.executeUpdate();
            }
        }
        try (PreparedStatement drop = connection.prepareStatement(DROP_PARTITIONS)) {
            drop.setObject(1, month.atDay(1));
            drop.executeQuery().close();
        }
        return counts;
    }

    /** Runs {@code sql}, whose parameters are the month's bounds {@code times} times over. */
    private void update(Connection connection, String sql, int times) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < times; i++) {
                bindMonth(statement, 1 + 2 * i);
            }
            statement.executeUpdate();
        }
    }

    private void bindMonth(PreparedStatement statement, int firstIndex) throws SQLException {
        statement.setObject(firstIndex, start);
        statement.setObject(firstIndex + 1, end);
    }
}
