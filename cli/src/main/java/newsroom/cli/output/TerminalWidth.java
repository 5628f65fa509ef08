package newsroom.cli.output;

/**
 * How wide the output may be: $COLUMNS (the {@code newsroom} launcher sets it from the terminal
 * when the output goes to one), else a common default.
 */
final class TerminalWidth {

    private static final int DEFAULT = 120;

    private TerminalWidth() {
    }

    static int columns() {
        String columns = System.getenv("COLUMNS");
        if (columns != null) {
            try {
                return Math.max(40, Integer.parseInt(columns.trim()));
            } catch (NumberFormatException ignored) {
                // fall through to the default
            }
        }
        return DEFAULT;
    }
}
