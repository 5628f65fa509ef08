package newsroom.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import newsroom.localpostgres.DatabaseRole;
import newsroom.localpostgres.LocalPostgres;
import org.junit.jupiter.api.Test;

/**
 * The V8 migration back-fills entity.article_count and quote_count from the
 * rows a store written before it holds: a store migrated to V7, given
 * articles, entity_article rows and quotes, then migrated to V8.
 */
class EntityCountsMigrationTest {

    // Two articles: Lavrov is in both and says two quotes in the first; Qureshi is in the first and
    // says one; Pakistan is in the second and says nothing; one quote has no speaker; a fourth
    // entity is in no article.
    private static final String STORE_BEFORE_V8 = """
            INSERT INTO entity (id, name, type, name_key) VALUES
                (1, 'Sergey Lavrov', 'PERSON', 'sergey lavrov'),
                (2, 'Shah Mahmood Qureshi', 'PERSON', 'shah mahmood qureshi'),
                (3, 'Pakistan', 'GPE', 'pakistan'), (4, 'Moscow', 'GPE', 'moscow');
            INSERT INTO article (id, published_at, content_type, language, raw_content, cleaned_text,
                                 content_sha256, status)
            VALUES (1, '2021-04-07T09:00:00Z', 'PLAIN_TEXT', 'en', 'one', 'one', 'sha-1', 'ANALYZED'),
                   (2, '2021-04-08T09:00:00Z', 'PLAIN_TEXT', 'en', 'two', 'two', 'sha-2', 'ANALYZED');
            INSERT INTO entity_article (entity_id, article_id, published_at, mention_count, tone) VALUES
                (1, 1, '2021-04-07T09:00:00Z', 3, 0.5), (2, 1, '2021-04-07T09:00:00Z', 2, 0.5),
                (1, 2, '2021-04-08T09:00:00Z', 1, NULL), (3, 2, '2021-04-08T09:00:00Z', 1, NULL);
            INSERT INTO quote (article_id, speaker_entity_id, speaker, text, begin_offset, end_offset) VALUES
                (1, 1, 'Sergey Lavrov', 'first', 0, 1), (1, 1, 'Sergey Lavrov', 'second', 2, 3),
                (1, 2, 'Shah Mahmood Qureshi', 'third', 4, 5), (2, NULL, '', 'fourth', 0, 1);
            """;

    @Test
    void backFillsArticleAndQuoteCounts() throws Exception {
        try (LocalPostgres postgres = StoreMigrations.startMigrated("7", STORE_BEFORE_V8)) {
            StoreMigrations.migrate(postgres, "8");
            try (Connection connection = connect(postgres)) {
                Map<Long, String> counts = counts(connection);
                assertEquals(Map.of(1L, "2 articles, 2 quotes", 2L, "1 articles, 1 quotes",
                        3L, "1 articles, 0 quotes", 4L, "0 articles, 0 quotes"), counts);
            }
        }
    }

    /** As ingest-service migrates: as the schema's owner, no superuser. */

    private static Connection connect(LocalPostgres postgres) throws SQLException {
        return postgres.connect(DatabaseRole.OWNER);
    }

    private static Map<Long, String> counts(Connection connection) throws SQLException {
        Map<Long, String> counts = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT id, article_count, quote_count FROM entity ORDER BY id")) {
            while (rows.next()) {
                counts.put(rows.getLong(1), rows.getLong(2) + " articles, " + rows.getLong(3) + " quotes");
            }
        }
        return counts;
    }
}
