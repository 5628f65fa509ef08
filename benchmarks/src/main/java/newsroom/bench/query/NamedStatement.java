package newsroom.bench.query;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One of query-service's statements, written with named parameters
 * ({@code :name}) as its query classes hand them to Hibernate, run by the
 * benchmark over plain JDBC with its text unchanged: every {@code :name}
 * becomes a {@code ?} bound by name, as Hibernate binds it, or for EXPLAIN a
 * {@code $n} of a PostgreSQL {@code PREPARE} executed with the values, so
 * that what is timed and explained is the text the service sends.
 *
 * <p>Names are found outside quoted literals and never after a colon, so
 * {@code ::type} casts and times written in literals stay as they are.
 */
final class NamedStatement {

    private final String sql;
    private final String jdbcSql;
    private final String numberedSql;
    // The name of each ?, in order, and each distinct name once (the $n of the name at index n - 1).
    private final List<String> occurrences = new ArrayList<>();
    private final List<String> names;

    NamedStatement(String sql) {
        this.sql = sql;
        Set<String> distinct = new LinkedHashSet<>();
        StringBuilder jdbc = new StringBuilder();
        StringBuilder numbered = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            }
            boolean name = !quoted && c == ':' && i + 1 < sql.length() && Character.isLetter(sql.charAt(i + 1))
                    && (i == 0 || sql.charAt(i - 1) != ':');
            if (!name) {
                jdbc.append(c);
                numbered.append(c);
                continue;
            }
            int end = i + 1;
            while (end < sql.length() && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_')) {
                end++;
            }
            String parameter = sql.substring(i + 1, end);
            occurrences.add(parameter);
            distinct.add(parameter);
            jdbc.append('?');
            numbered.append('$').append(List.copyOf(distinct).indexOf(parameter) + 1);
            i = end - 1;
        }
        this.jdbcSql = jdbc.toString();
        this.numberedSql = numbered.toString();
        this.names = List.copyOf(distinct);
    }

    /** The statement as the service writes it. */
    String sql() {
        return sql;
    }

    /** Its parameters' names, each once, in order of first use. */
    List<String> names() {
        return names;
    }

    /** The statement as JDBC takes it: each {@code :name} a {@code ?}. */
    String jdbcSql() {
        return jdbcSql;
    }

    /** The statement as PREPARE takes it: each {@code :name} the {@code $n} of its place in {@link #names()}. */
    String numberedSql() {
        return numberedSql;
    }

    /** Whether it has named parameters (a statement with {@code ?} has none). */
    boolean isNamed() {
        return !names.isEmpty();
    }

    /** The statement prepared for JDBC, each {@code :name} a {@code ?}. */
    PreparedStatement prepare(Connection connection) throws SQLException {
        return connection.prepareStatement(jdbcSql);
    }

    /** Binds each {@code ?} of a statement {@link #prepare}d to the value of its name. */
    void bind(PreparedStatement statement, Map<String, Object> values) throws SQLException {
        for (int p = 0; p < occurrences.size(); p++) {
            Object value = valueOf(values, occurrences.get(p));
            int index = p + 1;
            if (value == null) {
                statement.setNull(index, Types.VARCHAR);
            } else if (value instanceof Long number) {
                statement.setLong(index, number);
            } else if (value instanceof Integer number) {
                statement.setInt(index, number);
            } else if (value instanceof String text) {
                statement.setString(index, text);
            } else if (value instanceof Instant time) {
                statement.setObject(index, OffsetDateTime.ofInstant(time, ZoneOffset.UTC));
            } else if (value instanceof LocalDate day) {
                statement.setObject(index, day);
            } else {
                throw new IllegalArgumentException("cannot bind " + value.getClass() + " to :" + occurrences.get(p));
            }
        }
    }

    /**
     * EXPLAIN (ANALYZE, BUFFERS) of the statement with {@code values}, one line per row of the
     * plan: {@code PREPARE}d with its text unchanged but for the {@code $n}, each typed as the
     * JDBC driver types its value when the service binds it, and executed once, so PostgreSQL
     * plans it for these values as it does the service's first executions.
     */
    List<String> explain(Connection connection, Map<String, Object> values) throws SQLException {
        List<String> types = new ArrayList<>();
        List<String> arguments = new ArrayList<>();
        for (String name : names) {
            Object value = valueOf(values, name);
            types.add(typeOf(value));
            arguments.add(literal(value));
        }
        List<String> plan = new ArrayList<>();
        try (Statement statement = connection.createStatement()) {
            statement.execute("PREPARE bench_explained"
                    + (types.isEmpty() ? "" : "(" + String.join(", ", types) + ")") + " AS " + numberedSql);
            try (ResultSet rows = statement.executeQuery("EXPLAIN (ANALYZE, BUFFERS) EXECUTE bench_explained"
                    + (arguments.isEmpty() ? "" : "(" + String.join(", ", arguments) + ")"))) {
                while (rows.next()) {
                    plan.add(rows.getString(1));
                }
            } finally {
                statement.execute("DEALLOCATE bench_explained");
            }
        }
        return plan;
    }

    /** Values by name: those of {@code base} and the name-value pairs of {@code more} (values may be null). */
    static Map<String, Object> values(Map<String, ?> base, Object... more) {
        Map<String, Object> values = new HashMap<>(base);
        for (int i = 0; i < more.length; i += 2) {
            values.put((String) more[i], more[i + 1]);
        }
        return values;
    }

    private static Object valueOf(Map<String, Object> values, String name) {
        if (!values.containsKey(name)) {
            throw new IllegalArgumentException("no value for :" + name);
        }
        return values.get(name);
    }

    // The type a value is bound as; a null as text, the type of the parameters bound to null here (an entity type).
    private static String typeOf(Object value) {
        if (value == null || value instanceof String) {
            return "text";
        }
        if (value instanceof Long) {
            return "bigint";
        }
        if (value instanceof Integer) {
            return "integer";
        }
        if (value instanceof Instant) {
            return "timestamptz";
        }
        if (value instanceof LocalDate) {
            return "date";
        }
        throw new IllegalArgumentException("no type for " + value.getClass());
    }

    // A value as an SQL literal of no stated type, which EXECUTE casts to the parameter's type.
    private static String literal(Object value) {
        if (value == null) {
            return "NULL";
        }
        if (value instanceof Long || value instanceof Integer) {
            return value.toString();
        }
        if (value instanceof String || value instanceof Instant || value instanceof LocalDate) {
            return "'" + value.toString().replace("'", "''") + "'";
        }
        throw new IllegalArgumentException("cannot write " + value.getClass() + " as a literal");
    }
}
