package newsroom.query.console;

import io.quarkus.qute.RawString;
import java.util.List;

/**
 * A chart's data as JSON for a {@code <script type="application/json">} block, which the
 * console's script reads and ECharts draws. The JSON is written so that it cannot end the
 * block or open markup whatever the names in it hold: {@code <}, {@code >}, {@code &} and the
 * line separators are written as {@code \\u} escapes, so "&lt;/script>" in an entity name
 * stays inside a JSON string. That is why a template may print it raw.
 */
final class ChartJson {

    /** One line or bar series: a name and its points, on the left (0) or right (1) axis. */
    record Series(String name, String kind, int axis, List<Point> points) {
    }

    /** A period's start (an ISO date) and its value. */
    record Point(String time, double value) {
    }

    private ChartJson() {
    }

    /**
     * @param title     the chart's title (file name of downloads)
     * @param leftAxis  the left axis' name
     * @param rightAxis the right axis' name, empty for none
     */
    static RawString of(String title, String leftAxis, String rightAxis, List<Series> series) {
        StringBuilder json = new StringBuilder("{\"title\":");
        string(json, title);
        json.append(",\"leftAxis\":");
        string(json, leftAxis);
        json.append(",\"rightAxis\":");
        string(json, rightAxis);
        json.append(",\"series\":[");
        for (int s = 0; s < series.size(); s++) {
            Series one = series.get(s);
            json.append(s == 0 ? "" : ",").append("{\"name\":");
            string(json, one.name());
            json.append(",\"kind\":");
            string(json, one.kind());
            json.append(",\"axis\":").append(one.axis()).append(",\"data\":[");
            for (int p = 0; p < one.points().size(); p++) {
                Point point = one.points().get(p);
                json.append(p == 0 ? "" : ",").append('[');
                string(json, point.time());
                json.append(',').append(number(point.value())).append(']');
            }
            json.append("]}");
        }
        return new RawString(json.append("]}").toString());
    }

    private static String number(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "null";
        }
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }

    static void string(StringBuilder json, String text) {
        json.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }
}
