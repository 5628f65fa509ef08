package newsroom.query.entities;

import java.sql.SQLException;

/**
 * Reads an SQL array column of a native query's row, as the driver or
 * Hibernate hands it over ({@link java.sql.Array} or a Java array; null when
 * array_agg had no row).
 */
public final class SqlArray {

    private SqlArray() {
    }

    /** The array's elements; none for null. */
    public static Object[] values(Object column) {
        if (column == null) {
            return new Object[0];
        }
        try {
            return column instanceof java.sql.Array array ? (Object[]) array.getArray() : (Object[]) column;
        } catch (SQLException e) {
            throw new IllegalStateException("an array column could not be read", e);
        }
    }
}
