package newsroom.query;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Plans of list statements on rows written for the check alone: the rows and
 * the statistics of ANALYZE are rolled back afterwards, so other tests see
 * the fixture as it was.
 */
public final class ListPlans {

    /** Writes rows with {@code sql}. */
    public interface Rows {
        void write(Statement sql) throws Exception;
    }

    private ListPlans() {
    }

    /**
     * The plan of {@code statement} after {@code rows} are written and the store analysed, one line per row.
     * It runs as the schema's owner, whom the tests' Flyway migrates as: ANALYZE is the owner's right,
     * and run as the service's role it would skip every table and leave the statistics stale.
     */
    public static String explain(DataSource dataSource, Rows rows, String statement) throws Exception {
        Config config = ConfigProvider.getConfig();
        try (Connection connection = DriverManager.getConnection(
                config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.flyway.username", String.class),
                config.getValue("quarkus.flyway.password", String.class))) {
            connection.setAutoCommit(false);
            try (Statement sql = connection.createStatement()) {
                rows.write(sql);
                sql.execute("ANALYZE");
                StringBuilder plan = new StringBuilder();
                try (ResultSet lines = sql.executeQuery("EXPLAIN " + statement)) {
                    while (lines.next()) {
                        plan.append(lines.getString(1)).append('\n');
                    }
                }
                return plan.toString();
            } finally {
                connection.rollback();
            }
        }
    }

    /**
     * Whether the page is read from {@code index} in list order: a Limit right above a scan of the
     * index, so the scan stops after the page and nothing sorts the rows it passes. On a table
     * partitioned by month (V15) the scan is an Append of the months' copies of the index
     * ({@code quote_date_idx} on {@code quote_p2021_04} is {@code quote_p2021_04_date_idx}) in
     * list order, which stops with the page as one scan would; not a Merge Append, which starts
     * a scan in every month.
     */
    public static boolean pageStopsOnIndex(String plan, String index) {
        String scan = "->  Index (Only )?Scan using (" + Pattern.quote(index) + "|" + monthsOf(index) + ") .*";
        String[] lines = plan.split("\n");
        for (int i = 0; i + 1 < lines.length; i++) {
            if (lines[i].strip().startsWith("->  Limit") || lines[i].startsWith("Limit")) {
                String next = lines[i + 1].strip();
                if (next.matches(scan)) {
                    return true;
                }
                if (next.startsWith("->  Append ") && i + 2 < lines.length && lines[i + 2].strip().matches(scan)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The names a partition's copy of {@code index} may have: the table's name, then _pYYYY_MM, then the rest. */
    private static String monthsOf(String index) {
        List<String> names = new ArrayList<>();
        for (int at = index.indexOf('_'); at > 0; at = index.indexOf('_', at + 1)) {
            names.add(Pattern.quote(index.substring(0, at)) + "_p\\d{4}_\\d{2}" + Pattern.quote(index.substring(at)));
        }
        return String.join("|", names);
    }

    /** A list statement with its page bounds as literals: the first page of 20 (and one more). */
    public static String firstPage(String statement) {
        return statement.replace(":offset", "0").replace(":limit", "21");
    }
}
