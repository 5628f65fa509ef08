package newsroom.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import newsroom.localpostgres.DatabaseRole;
import newsroom.localpostgres.LocalPostgres;
import org.junit.jupiter.api.Test;

/**
 * The V11 migration keeps every quote a store written before it holds and
 * reads them all as DIRECT (a store migrated to V10, given quotes, then
 * migrated to V11), and its new columns and tables hold only what they are
 * meant to.
 */
class FormsAndEventsMigrationTest {

    private static final String STORE_BEFORE_V11 = """
            INSERT INTO entity (id, name, type, name_key) VALUES
                (1, 'Sergey Lavrov', 'PERSON', 'sergey lavrov'),
                (2, 'Shah Mahmood Qureshi', 'PERSON', 'shah mahmood qureshi');
            INSERT INTO article (id, published_at, content_type, language, raw_content, cleaned_text,
                                 content_sha256, status)
            VALUES (1, '2021-04-07T09:00:00Z', 'PLAIN_TEXT', 'en', 'one', 'one', 'sha-1', 'ANALYZED'),
                   (2, '2021-04-08T09:00:00Z', 'PLAIN_TEXT', 'en', 'two', 'two', 'sha-2', 'ANALYZED');
            INSERT INTO quote (id, article_id, speaker_entity_id, speaker, text, cue, begin_offset, end_offset,
                               published_at) VALUES
                (11, 1, 1, 'Sergey Lavrov', 'We are ready', 'say', 0, 12, '2021-04-07T09:00:00Z'),
                (12, 1, 2, 'Shah Mahmood Qureshi', 'Russia is a friend', 'add', 20, 38, '2021-04-07T09:00:00Z'),
                (13, 2, NULL, '', 'Trade will double', 'vow', 0, 17, '2021-04-08T09:00:00Z');
            """;

    @Test
    void everyStoredQuoteIsKeptAndReadsAsDirect() throws Exception {
        try (LocalPostgres postgres = StoreMigrations.startMigrated("10", STORE_BEFORE_V11)) {
            List<String> before = quotes(postgres, "id, article_id, speaker_entity_id, speaker, text, cue,"
                    + " begin_offset, end_offset, published_at, text_vector");

            StoreMigrations.migrate(postgres, "11");

            assertEquals(before, quotes(postgres, "id, article_id, speaker_entity_id, speaker, text, cue,"
                    + " begin_offset, end_offset, published_at, text_vector"));
            assertEquals(List.of("11|DIRECT", "12|DIRECT", "13|DIRECT"), quotes(postgres, "id, form"));
        }
    }

    @Test
    void formsEventTypesAndRolesAreOnlyTheirEnumsNames() throws Exception {
        try (LocalPostgres postgres = StoreMigrations.startMigrated("11", STORE_BEFORE_V11)) {
            try (Connection connection = connect(postgres); Statement statement = connection.createStatement()) {
                statement.execute("INSERT INTO quote (article_id, text, begin_offset, end_offset, form)"
                        + " VALUES (1, 'the talks went well', 0, 19, 'INDIRECT')");
                assertThrows(SQLException.class, () -> statement.execute("INSERT INTO quote (article_id, text,"
                        + " begin_offset, end_offset, form) VALUES (1, 'x', 0, 1, 'ATTRIBUTION_FORM_UNSPECIFIED')"));
                statement.execute("INSERT INTO event (id, article_id, type, trigger, published_at, begin_offset,"
                        + " end_offset) VALUES (1, 1, 'MEET', 'met', '2021-04-07T09:00:00Z', 0, 30)");
                assertThrows(SQLException.class, () -> statement.execute("INSERT INTO event (article_id, type,"
                        + " trigger, published_at, begin_offset, end_offset)"
                        + " VALUES (1, 'meet', 'met', '2021-04-07T09:00:00Z', 0, 30)"));
                assertThrows(SQLException.class, () -> statement.execute(eventEntity(1, 1, "SPEAKER")));
                statement.execute(eventEntity(1, 1, "ACTOR"));
                // An entity takes part in an event once, whatever its role.
                assertThrows(SQLException.class, () -> statement.execute(eventEntity(1, 1, "PARTICIPANT")));
            }
        }
    }

    @Test
    void anArticlesEventsGoWithIt() throws Exception {
        try (LocalPostgres postgres = StoreMigrations.startMigrated("11", STORE_BEFORE_V11)) {
            try (Connection connection = connect(postgres); Statement statement = connection.createStatement()) {
                statement.execute("INSERT INTO event (id, article_id, type, trigger, published_at, begin_offset,"
                        + " end_offset) VALUES (1, 1, 'MEET', 'met', '2021-04-07T09:00:00Z', 0, 30),"
                        + " (2, 2, 'VISIT', 'visited', '2021-04-08T09:00:00Z', 0, 30)");
                statement.execute(eventEntity(1, 1, "ACTOR") + ", " + values(1, 2, "PARTICIPANT"));
                statement.execute(eventEntity(2, 1, "ACTOR"));

                statement.execute("DELETE FROM article WHERE id = 1");

                assertEquals(List.of("2"), column(statement, "SELECT id FROM event ORDER BY id"));
                assertEquals(List.of("2"), column(statement, "SELECT event_id FROM event_entity ORDER BY event_id"));
            }
        }
    }

    private static String eventEntity(long eventId, long entityId, String role) {
        return "INSERT INTO event_entity (event_id, entity_id, role, position, event_type, happened_at, article_id,"
                + " begin_offset) VALUES " + values(eventId, entityId, role);
    }

    private static String values(long eventId, long entityId, String role) {
        return "(%d, %d, '%s', 0, 'MEET', '2021-04-07T09:00:00Z', 1, 0)".formatted(eventId, entityId, role);
    }

    /** As ingest-service migrates: as the schema's owner, no superuser. */

    private static Connection connect(LocalPostgres postgres) throws SQLException {
        return postgres.connect(DatabaseRole.OWNER);
    }

    /** The quotes' {@code columns}, one line per quote in id order, columns joined by "|". */
    private static List<String> quotes(LocalPostgres postgres, String columns) throws SQLException {
        try (Connection connection = connect(postgres); Statement statement = connection.createStatement()) {
            return column(statement, "SELECT concat_ws('|', " + columns + ") FROM quote ORDER BY id");
        }
    }

    private static List<String> column(Statement statement, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
