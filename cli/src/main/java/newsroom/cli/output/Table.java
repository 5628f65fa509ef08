package newsroom.cli.output;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A plain-text table for people: aligned columns, the last column wrapped to the
 * terminal's width so long quotes and snippets stay readable.
 *
 * <p>The last column holds what people read, so it should get half the width. Where it
 * would not, the widest of the other columns is wrapped, one character at a time, down to
 * the width three in four of its cells fit in but not below {@value #NARROWEST_WRAPPED}
 * characters: an outlier (a long group of speakers) wraps, the usual name does not. If the
 * last column is still left with fewer than {@value #MINIMUM_LAST_COLUMN} characters
 * (quotes with speaker, form, article and date in 80 columns), each row's last cell goes
 * below the others instead, indented, across the whole width.
 */
public final class Table {

    private static final String GAP = "  ";
    private static final String STACKED_INDENT = "    ";
    private static final int MINIMUM_LAST_COLUMN = 30;
    private static final int NARROWEST_WRAPPED = 20;

    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();
    private boolean lastColumnOnOneLine;

    public Table(String... headers) {
        this.headers = List.of(headers);
    }

    /**
     * Cuts each row's last cell to one line (ending "…") instead of wrapping it: for lists
     * of many rows where the last cell is a detail shown in full elsewhere (a source's last error).
     */
    public Table lastColumnOnOneLine() {
        lastColumnOnOneLine = true;
        return this;
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

    /** The table as text in {@code width} characters where its words allow. */
    public String render(int width) {
        int last = headers.size() - 1;
        int[] natural = new int[last];
        int[] comfortable = new int[last];
        int[] tightest = new int[last];
        for (int i = 0; i < last; i++) {
            int column = i;
            List<Integer> lengths = rows.stream().map(row -> row.get(column).length()).sorted().toList();
            int longestWord = rows.stream().mapToInt(row -> longestWord(row.get(column))).max().orElse(0);
            int header = headers.get(i).length();
            natural[i] = Math.max(header, lengths.isEmpty() ? 0 : lengths.get(lengths.size() - 1));
            int typical = lengths.isEmpty() ? 0 : lengths.get((lengths.size() * 3 + 3) / 4 - 1);
            tightest[i] = Math.max(header, longestWord);
            comfortable[i] = Math.min(natural[i], Math.max(Math.max(tightest[i], typical), NARROWEST_WRAPPED));
        }
        int longestLast = rows.stream().mapToInt(row -> row.get(last).length()).max().orElse(0);
        int lastHeader = headers.get(last).length();
        int lastNeeds = Math.max(lastHeader, Math.min(MINIMUM_LAST_COLUMN, longestLast));
        int lastWants = Math.max(lastHeader, Math.min(Math.max(MINIMUM_LAST_COLUMN, width / 2), longestLast));
        int gapBeforeLast = last == 0 ? 0 : GAP.length();

        int[] widths = natural.clone();
        shrink(widths, comfortable, width - lastWants - gapBeforeLast);
        boolean stacked = leading(widths) + gapBeforeLast + lastNeeds > width;
        if (stacked) {
            widths = natural.clone();
            if (!shrink(widths, comfortable, width)) {
                shrink(widths, tightest, width);
            }
        }
        int lastWidth = stacked
                ? width - STACKED_INDENT.length()
                : Math.max(MINIMUM_LAST_COLUMN, width - leading(widths) - gapBeforeLast);
        StringBuilder text = new StringBuilder();
        appendRow(text, headers, widths, lastWidth, stacked);
        for (List<String> row : rows) {
            appendRow(text, row, widths, lastWidth, stacked);
        }
        return text.toString();
    }

    /** The width of the columns before the last with the gaps between them. */
    private static int leading(int[] widths) {
        return Arrays.stream(widths).sum() + GAP.length() * Math.max(0, widths.length - 1);
    }

    /**
     * Narrows the widest column, one character at a time and not below its narrowest,
     * until the columns and the gaps after them fit {@code room}; whether they do.
     */
    private static boolean shrink(int[] widths, int[] narrowest, int room) {
        int total = leading(widths);
        while (total > room) {
            int widest = -1;
            for (int i = 0; i < widths.length; i++) {
                if (widths[i] > narrowest[i] && (widest < 0 || widths[i] > widths[widest])) {
                    widest = i;
                }
            }
            if (widest < 0) {
                return false;
            }
            widths[widest]--;
            total--;
        }
        return true;
    }

    private void appendRow(StringBuilder text, List<String> row, int[] widths, int lastWidth, boolean stacked) {
        int last = widths.length;
        List<List<String>> cells = new ArrayList<>();
        int height = 0;
        for (int i = 0; i < last; i++) {
            cells.add(wrap(row.get(i), widths[i]));
            height = Math.max(height, cells.get(i).size());
        }
        List<String> lastLines = row.get(last).isEmpty() && stacked ? List.of()
                : lastColumnOnOneLine ? List.of(cut(row.get(last), lastWidth))
                : wrap(row.get(last), lastWidth);
        if (!stacked) {
            height = Math.max(height, lastLines.size());
        }
        for (int line = 0; line < height; line++) {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < last; i++) {
                List<String> cell = cells.get(i);
                String part = line < cell.size() ? cell.get(line) : "";
                out.append(part).append(" ".repeat(Math.max(0, widths[i] - part.length()))).append(GAP);
            }
            if (!stacked && line < lastLines.size()) {
                out.append(lastLines.get(line));
            }
            text.append(out.toString().stripTrailing()).append('\n');
        }
        if (stacked) {
            for (String line : lastLines) {
                text.append(STACKED_INDENT).append(line).append('\n');
            }
        }
    }

    private static int longestWord(String text) {
        int longest = 0;
        for (String word : text.split(" ")) {
            longest = Math.max(longest, word.length());
        }
        return longest;
    }

    /** The text, or as much of it as fits {@code width} characters with "…" for the rest. */
    static String cut(String text, int width) {
        return text.length() <= width ? text : text.substring(0, Math.max(0, width - 1)).stripTrailing() + "…";
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
