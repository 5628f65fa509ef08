package newsroom.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import newsroom.localpostgres.DatabaseRole;
import newsroom.localpostgres.LocalPostgres;
import org.junit.jupiter.api.Test;

/**
 * The V15 migration moves a store with data to the partitioned tables without losing or
 * changing a row: a store migrated to V14 is given 10,000 articles over twelve months with
 * mentions, quotes, search rows and entity days; every article's mentions, quotes and search
 * row and every entity's days are read before and after the migration to the latest version,
 * and must be equal. The rows then sit in their month's partitions, ids go on from where they
 * were, and the reader reads the partitions.
 */
class PartitionMigrationTest {

    private static final int ARTICLES = 10_000;
    private static final int ENTITIES = 300;

    // Articles a..ARTICLES published over 2021, one every ~52 minutes, so every month of the year
    // holds some; every tenth still waits for analysis (no search row, no mentions). Each analysed
    // article mentions three entities (one of them twice) and has two quotes, one without a
    // speaker. entity_article and entity_day are derived as V4 and V5 derive them.
    private static final String STORE_AT_V14 = """
            INSERT INTO entity (id, name, type, name_key)
            SELECT e, 'Entity ' || e, CASE WHEN e %% 3 = 0 THEN 'GPE' ELSE 'PERSON' END, 'entity ' || e
            FROM generate_series(1, %2$d) e;
            INSERT INTO article (id, source, title, published_at, content_type, language, raw_content, cleaned_text,
                                 content_sha256, status, tone)
            SELECT a, 'source-' || (a %% 7), 'Title ' || a || ' about ' || (a %% 11),
                   '2021-01-01T00:00:00Z'::timestamptz + a * interval '52 minutes 30 seconds',
                   'PLAIN_TEXT', 'en', 'raw ' || a, 'Words of article ' || a || ' on topic ' || (a %% 13),
                   'sha-' || a, CASE WHEN a %% 10 = 0 THEN 'ACCEPTED' ELSE 'ANALYZED' END,
                   CASE WHEN a %% 4 = 0 THEN NULL ELSE ((a %% 9) - 4) / 4.0 END
            FROM generate_series(1, %1$d) a;
            INSERT INTO article_entity (article_id, local_entity_id, entity_id, salience)
            SELECT a.id, 'e' || k, 1 + (a.id * 7 + k * 31) %% %2$d, 0.5
            FROM article a CROSS JOIN generate_series(0, 2) k WHERE a.status = 'ANALYZED';
            INSERT INTO mention (article_id, entity_id, text, begin_offset, end_offset, kind)
            SELECT ae.article_id, ae.entity_id, 'Entity ' || ae.entity_id, r * 40, r * 40 + 9,
                   CASE WHEN r = 0 THEN 'NAME' ELSE 'PRONOMINAL' END
            FROM article_entity ae CROSS JOIN generate_series(0, 1) r
            WHERE r = 0 OR ae.local_entity_id = 'e0';
            INSERT INTO quote (article_id, speaker_entity_id, speaker, text, cue, begin_offset, end_offset,
                               published_at, form)
            SELECT a.id, CASE WHEN k = 0 THEN 1 + (a.id * 7) %% %2$d END, CASE WHEN k = 0 THEN 'Speaker' ELSE '' END,
                   'Quoted words ' || k || ' of ' || a.id, 'say', 100 + k * 50, 140 + k * 50, a.published_at,
                   CASE WHEN k = 0 THEN 'DIRECT' ELSE 'INDIRECT' END
            FROM article a CROSS JOIN generate_series(0, 1) k WHERE a.status = 'ANALYZED';
            INSERT INTO entity_article (entity_id, article_id, published_at, mention_count, tone)
            SELECT links.entity_id, links.article_id, a.published_at,
                   (SELECT count(*) FROM mention m WHERE m.article_id = a.id AND m.entity_id = links.entity_id), a.tone
            FROM (SELECT DISTINCT article_id, entity_id FROM article_entity) links
            JOIN article a ON a.id = links.article_id;
            INSERT INTO entity_day (entity_id, day, mention_count, article_count, tone_sum, tone_count)
            SELECT entity_id, CAST(published_at AT TIME ZONE 'UTC' AS date), sum(mention_count), count(*),
                   coalesce(sum(tone), 0), count(tone)
            FROM entity_article GROUP BY 1, 2;
            """.formatted(ARTICLES, ENTITIES);

    // One row per article: its mentions, quotes and search row, each as text in id order.
    private static final String ARTICLE_ROWS = """
            SELECT a.id,
                   (SELECT string_agg(concat_ws('|', m.id, m.entity_id, m.text, m.begin_offset, m.end_offset, m.kind),
                                      ';' ORDER BY m.id) FROM mention m WHERE m.article_id = a.id),
                   (SELECT string_agg(concat_ws('|', q.id, q.speaker_entity_id, q.speaker, q.text, q.cue,
                                                q.begin_offset, q.end_offset, q.published_at, q.form, q.text_vector),
                                      ';' ORDER BY q.id) FROM quote q WHERE q.article_id = a.id),
                   (SELECT concat_ws('|', s.published_at, s.source, s.language, s.search_vector)
                    FROM article_search s WHERE s.article_id = a.id)
            FROM article a ORDER BY a.id""";

    private static final String ENTITY_DAYS = """
            SELECT e.id, (SELECT string_agg(concat_ws('|', d.day, d.mention_count, d.article_count, d.tone_sum,
                                                      d.tone_count), ';' ORDER BY d.day)
                          FROM entity_day d WHERE d.entity_id = e.id)
            FROM entity e ORDER BY e.id""";

    @Test
    void movesEveryRowToItsMonthsPartitionUnchanged() throws Exception {
        try (LocalPostgres postgres = StoreMigrations.startMigrated("14")) {
            Map<Long, String> articlesBefore;
            Map<Long, String> entitiesBefore;
            long[] countsBefore;
            try (Connection connection = postgres.connect(DatabaseRole.OWNER);
                 Statement sql = connection.createStatement()) {
                sql.execute(STORE_AT_V14);
                articlesBefore = rows(sql, ARTICLE_ROWS, 3);
                entitiesBefore = rows(sql, ENTITY_DAYS, 1);
                countsBefore = counts(sql);
            }
            assertTrue(countsBefore[0] > 20_000 && countsBefore[1] == 18_000 && countsBefore[2] == 9_000,
                    "the store is filled as meant: " + java.util.Arrays.toString(countsBefore));

            StoreMigrations.migrate(postgres, null);

            try (Connection connection = postgres.connect(DatabaseRole.OWNER);
                 Statement sql = connection.createStatement()) {
                assertEquals(articlesBefore, rows(sql, ARTICLE_ROWS, 3), "mentions, quotes, search rows");
                assertEquals(entitiesBefore, rows(sql, ENTITY_DAYS, 1), "entity days");
                assertEquals(java.util.Arrays.toString(countsBefore), java.util.Arrays.toString(counts(sql)));
                // V17's searchable articles per day, counted from the migrated search rows.
                assertEquals(0, count(sql, """
                        SELECT count(*) FROM ((SELECT CAST(published_at AT TIME ZONE 'UTC' AS date), count(*)
                                               FROM article_search GROUP BY 1
                                               EXCEPT SELECT day, article_count FROM article_day)
                                              UNION ALL (SELECT day, article_count FROM article_day
                                               EXCEPT SELECT CAST(published_at AT TIME ZONE 'UTC' AS date), count(*)
                                                      FROM article_search GROUP BY 1)) difference"""));
                assertEquals(365, count(sql, "SELECT count(*) FROM article_day"));
                for (String table : List.of("mention", "quote", "article_search")) {
                    assertEquals(0, count(sql, "SELECT count(*) FROM " + table + " x WHERE tableoid::regclass::text"
                            + " <> '" + table + "_p' || to_char(x.published_at AT TIME ZONE 'UTC', 'YYYY_MM')"),
                            table + " rows outside their month's partition");
                }
                assertEquals(0, count(sql, "SELECT count(*) FROM entity_day d WHERE tableoid::regclass::text"
                        + " <> 'entity_day_p' || to_char(d.day, 'YYYY_MM')"), "entity days outside their month");
                assertEquals(0, count(sql, "SELECT count(*) FROM mention m JOIN article a ON a.id = m.article_id"
                        + " WHERE m.published_at <> a.published_at"), "mentions carry their article's date");
                // The twelve months of 2021 that hold rows.
                assertEquals(12, count(sql, "SELECT count(*) FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid"
                        + " WHERE i.inhparent = 'mention'::regclass AND c.relname LIKE 'mention\\_p2021\\_%'"));
                // Ids go on from the sequences' positions.
                long nextMention = count(sql, "SELECT nextval(pg_get_serial_sequence('mention', 'id'))");
                assertTrue(nextMention > count(sql, "SELECT max(id) FROM mention"), "mention ids go on");
                long nextQuote = count(sql, "SELECT nextval(pg_get_serial_sequence('quote', 'id'))");
                assertTrue(nextQuote > count(sql, "SELECT max(id) FROM quote"), "quote ids go on");
            }
            try (Connection reader = postgres.connect(DatabaseRole.READER);
                 Statement sql = reader.createStatement()) {
                assertEquals(countsBefore[0], count(sql, "SELECT count(*) FROM mention"));
                assertTrue(count(sql, "SELECT count(*) FROM quote_p2021_04") > 0, "the reader reads a partition");
                assertEquals(1, count(sql, "SELECT count(*) FROM pg_class WHERE relname = 'quote_p2021_04_date_idx'"),
                        "a partition's indexes are named after its table's");
            }
        }
    }

    @Test
    void anArticleMovedToAnotherMonthTakesItsRowsAlong() throws Exception {
        try (LocalPostgres postgres = StoreMigrations.startMigrated(null)) {
            try (Connection connection = postgres.connect(DatabaseRole.OWNER);
                 Statement sql = connection.createStatement()) {
                sql.execute("SELECT create_month_partitions('2021-04-01'), create_month_partitions('2021-05-01')");
                sql.execute("""
                        INSERT INTO entity (id, name, type, name_key) VALUES (1, 'Sergey Lavrov', 'PERSON', 'sergey lavrov');
                        INSERT INTO article (id, title, published_at, content_type, language, raw_content,
                                             cleaned_text, content_sha256, status)
                        VALUES (1, 'Lavrov in Islamabad', '2021-04-30T23:30:00Z', 'PLAIN_TEXT', 'en', 'x',
                                'Lavrov met Qureshi.', 'sha-1', 'ANALYZED');
                        INSERT INTO mention (article_id, entity_id, text, begin_offset, end_offset, kind, published_at)
                        VALUES (1, 1, 'Lavrov', 0, 6, 'NAME', '2021-04-30T23:30:00Z');
                        INSERT INTO quote (article_id, text, begin_offset, end_offset, published_at)
                        VALUES (1, 'words', 0, 5, '2021-04-30T23:30:00Z');
                        """);
                assertEquals("article_search_p2021_04", text(sql, "SELECT tableoid::regclass FROM article_search"));

                sql.execute("UPDATE article SET published_at = '2021-05-01T00:30:00Z' WHERE id = 1");

                assertEquals("article_search_p2021_05 2021-05-01 00:30:00+00", text(sql,
                        "SELECT tableoid::regclass || ' ' || (published_at AT TIME ZONE 'UTC') || '+00'"
                                + " FROM article_search"));
                assertEquals(1, count(sql, "SELECT count(*) FROM article_search"));
                assertEquals("mention_p2021_05", text(sql, "SELECT tableoid::regclass FROM mention"));
                assertEquals("quote_p2021_05", text(sql, "SELECT tableoid::regclass FROM quote"));
                assertEquals(1, count(sql, "SELECT count(*) FROM article_search WHERE search_vector @@ 'qureshi'"));
            }
        }
    }

    @Test
    void aNewMonthsPartitionsAreCreatedOnceAndReadByTheReader() throws Exception {
        try (LocalPostgres postgres = StoreMigrations.startMigrated(null)) {
            try (Connection writer = postgres.connect(DatabaseRole.WRITER)) {
                assertEquals(4, MonthPartitions.create(writer, java.time.YearMonth.of(1999, 12)),
                        "the writer creates a month's four partitions");
                assertEquals(0, MonthPartitions.create(writer, java.time.YearMonth.of(1999, 12)), "once");
                try (Statement sql = writer.createStatement()) {
                    sql.execute("INSERT INTO entity (id, name, type, name_key) VALUES (1, 'E', 'PERSON', 'e')");
                    sql.execute("INSERT INTO entity_day VALUES (1, '1999-12-31', 1, 1, 0, 0)");
                    assertEquals(2, count(sql, "SELECT count(*) FROM pg_class"
                            + " WHERE relname IN ('mention_p1999_12_article_entity_idx', 'entity_day_p1999_12_pkey')"
                            + " AND relkind = 'i'"), "a new partition's indexes are named after its table's");
                    assertEquals(1000, count(sql, "SELECT attstattarget FROM pg_attribute WHERE attrelid ="
                            + " 'article_search_p1999_12'::regclass AND attname = 'search_vector'"));
                }
            }
            try (Connection reader = postgres.connect(DatabaseRole.READER);
                 Statement sql = reader.createStatement()) {
                assertEquals(1, count(sql, "SELECT count(*) FROM entity_day_p1999_12"));
                assertEquals(0, count(sql, "SELECT count(*) FROM mention_p1999_12"));
            }
        }
    }

    /** As ingest-service migrates: as the schema's owner, no superuser; to the latest when version is null. */
    /**
     * A vacuum of article holds a lock that creating a partition (its foreign key) must wait for:
     * PostgreSQL cancels an autovacuum only for a session that has waited past deadlock_timeout
     * (1 s), so a creation that gave up at the function's 200 ms would never get through while a
     * long vacuum ran. Here a session holds the vacuum's lock for 1.5 s: the creation waits it out.
     */
    @Test
    void aCreationWaitsOutAVacuumsLockOnArticleAndLeavesTheCallersLockTimeout() throws Exception {
        whileAVacuumLocks("article", writer -> {
            writer.setAutoCommit(false);
            try (Statement sql = writer.createStatement()) {
                sql.execute("SET LOCAL lock_timeout = '7s'");
                assertEquals(4, MonthPartitions.create(writer, java.time.YearMonth.of(1998, 7)),
                        "created once the vacuum's lock was released");
                try (ResultSet setting = sql.executeQuery("SELECT current_setting('lock_timeout')")) {
                    setting.next();
                    assertEquals("7s", setting.getString(1), "the caller's own lock_timeout is restored");
                }
            }
            writer.commit();
        });
    }

    /**
     * In auto-commit mode a creation waits briefly for the second of article and entity (writers
     * hold one and wait for the other), then tries again waiting long for that one first: a
     * vacuum's lock on entity is waited out as one on article is.
     */
    @Test
    void aCreationInItsOwnTransactionsWaitsOutAVacuumsLockOnEntity() throws Exception {
        whileAVacuumLocks("entity", writer -> {
            assertTrue(writer.getAutoCommit());
            assertEquals(4, MonthPartitions.create(writer, java.time.YearMonth.of(1998, 8)),
                    "created once the vacuum's lock was released");
            assertTrue(writer.getAutoCommit(), "the connection is left in auto-commit mode");
        });
    }

    /** What a test does on the writer's connection while the vacuum's lock is held. */
    private interface WriterSession {
        void run(Connection writer) throws Exception;
    }

    /**
     * Runs the session on a freshly migrated store's writer while another session holds the lock a
     * vacuum takes on the table, and releases that lock (commits) 1.5 s in, on a thread of its own.
     */
    private static void whileAVacuumLocks(String table, WriterSession session) throws Exception {
        try (LocalPostgres postgres = StoreMigrations.startMigrated(null)) {
            try (Connection vacuum = postgres.connect(DatabaseRole.OWNER);
                 Connection writer = postgres.connect(DatabaseRole.WRITER);
                 Statement vacuumSql = vacuum.createStatement()) {
                vacuum.setAutoCommit(false);
                vacuumSql.execute("LOCK TABLE " + table + " IN SHARE UPDATE EXCLUSIVE MODE");
                Thread release = new Thread(() -> {
                    try {
                        Thread.sleep(1500);
                        vacuum.commit();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                release.start();
                session.run(writer);
                release.join();
            }
        }
    }


    private static Map<Long, String> rows(Statement sql, String query, int columns) throws SQLException {
        Map<Long, String> rows = new LinkedHashMap<>();
        try (ResultSet result = sql.executeQuery(query)) {
            while (result.next()) {
                StringBuilder row = new StringBuilder();
                for (int column = 2; column <= columns + 1; column++) {
                    row.append(result.getString(column)).append(" / ");
                }
                rows.put(result.getLong(1), row.toString());
            }
        }
        return rows;
    }

    private static long[] counts(Statement sql) throws SQLException {
        return new long[] {count(sql, "SELECT count(*) FROM mention"), count(sql, "SELECT count(*) FROM quote"),
                count(sql, "SELECT count(*) FROM article_search"), count(sql, "SELECT count(*) FROM entity_day")};
    }

    private static long count(Statement sql, String query) throws SQLException {
        try (ResultSet result = sql.executeQuery(query)) {
            result.next();
            return result.getLong(1);
        }
    }

    private static String text(Statement sql, String query) throws SQLException {
        try (ResultSet result = sql.executeQuery(query)) {
            result.next();
            return result.getString(1);
        }
    }
}
