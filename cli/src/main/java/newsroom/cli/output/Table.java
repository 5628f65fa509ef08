package newsroom.cli.output;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table for people: aligned columns, the last column wrapped to the
 * terminal's width so long quotes and snippets stay readable.
 */
public final class Table {

    private static final String GAP = "  ";
    private static final int MINIMUM_LAST_COLUMN = 30;

    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();

    public Table(String... headers) {
        this.headers = List.of(headers);
    }

    public Table row(Object... cells) {
        if (cells.length != headers.size()) {
            throw new IllegalArgumentException("expected " + headers.size() + " cells, got " + cells.length);
        }
        List<String> row = new ArrayList<>();
        for (Object cell : cells) {
            row.add(cell == null ? "" : cell.toString().replaceAll("\\s+", " ").strip());
        }
        rows.add(row);
        return this;
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    public void print(PrintStream out) {
        out.print(render(TerminalWidth.columns()));
    }

    /** The table as text, the last column wrapped to fit {@code width} characters where possible. */
    public String render(int width) {
        int columns = headers.size();
        int[] widths = new int[columns];
        for (int i = 0; i < columns; i++) {
            widths[i] = headers.get(i).length();
            for (List<String> row : rows) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        int leading = 0;
        for (int i = 0; i < columns - 1; i++) {
            leading += widths[i] + GAP.length();
        }
        int lastWidth = Math.max(MINIMUM_LAST_COLUMN, width - leading);
        StringBuilder text = new StringBuilder();
        appendRow(text, headers, widths, lastWidth, leading);
        for (List<String> row : rows) {
            appendRow(text, row, widths, lastWidth, leading);
        }
        return text.toString();
    }

    private static void appendRow(StringBuilder text, List<String> row, int[] widths, int lastWidth, int leading) {
        int last = row.size() - 1;
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < last; i++) {
            line.append(pad(row.get(i), widths[i])).append(GAP);
        }
        List<String> wrapped = wrap(row.get(last), lastWidth);
        text.append(line).append(wrapped.get(0)).append('\n');
        for (String continuation : wrapped.subList(1, wrapped.size())) {
            text.append(" ".repeat(leading)).append(continuation).append('\n');
        }
    }

    private static String pad(String cell, int width) {
        return cell + " ".repeat(width - cell.length());
    }

    /** Splits text into lines of at most {@code width} characters at spaces (longer words stay whole). */
    static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        lines.add(line.toString());
        return lines;
    }
}
