package newsroom.bench.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The service's statements, written with named parameters, become the text JDBC and PREPARE
 * take with nothing else changed: casts and literals that hold colons stay as they are.
 */
class NamedStatementTest {

    private static final String STATEMENT = """
            SELECT e.id::text, ':not' FROM entity e
            WHERE e.id = :id AND e.seen >= CAST('2024-01-01T12:30:00Z' AS timestamptz)
              AND e.type = :only_type AND e.id <> :id""";

    @Test
    void eachNameBecomesAQuestionMarkForJdbc() {
        assertEquals("""
                SELECT e.id::text, ':not' FROM entity e
                WHERE e.id = ? AND e.seen >= CAST('2024-01-01T12:30:00Z' AS timestamptz)
                  AND e.type = ? AND e.id <> ?""", new NamedStatement(STATEMENT).jdbcSql());
    }

    @Test
    void eachNameIsOneNumberedParameterForPrepare() {
        NamedStatement statement = new NamedStatement(STATEMENT);

        assertEquals(List.of("id", "only_type"), statement.names());
        assertEquals("""
                SELECT e.id::text, ':not' FROM entity e
                WHERE e.id = $1 AND e.seen >= CAST('2024-01-01T12:30:00Z' AS timestamptz)
                  AND e.type = $2 AND e.id <> $1""", statement.numberedSql());
    }

    @Test
    void aStatementWithQuestionMarksHasNoNames() {
        NamedStatement statement = new NamedStatement("SELECT count(*) FROM mention WHERE entity_id = ?");

        assertFalse(statement.isNamed());
        assertEquals("SELECT count(*) FROM mention WHERE entity_id = ?", statement.jdbcSql());
    }
}
