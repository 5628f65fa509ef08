package newsroom.query.http;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import com.google.protobuf.Timestamp;
import com.google.protobuf.util.Timestamps;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A list's items as CSV (RFC 4180): one column per scalar field of the item message, nested
 * messages flattened with dotted names ({@code article.published_time}), the values of a repeated
 * field joined with ";" (for repeated messages, per column: {@code actors.name} is
 * "Sergey Lavrov;Shah Mahmood Qureshi"). Timestamps are RFC 3339, enums their names, an unset
 * message's columns empty. The columns come from the item's descriptor, so the header is known
 * before the first row.
 *
 * <p>A text cell that starts with = + - @, a tab or a carriage return gets a leading apostrophe,
 * so that a spreadsheet shows it as text instead of running it as a formula (OWASP, "CSV
 * injection"); numbers are left alone, since their minus sign is not a formula.
 */
final class CsvTable {

    /** Nesting followed at most, against message types that contain themselves. */
    private static final int MAX_DEPTH = 4;

    private record Column(String name, List<FieldDescriptor> path) {
    }

    private final List<Column> columns;

    CsvTable(Descriptor item) {
        List<Column> found = new ArrayList<>();
        collect(item, "", List.of(), found);
        this.columns = List.copyOf(found);
    }

    private static void collect(Descriptor message, String prefix, List<FieldDescriptor> path, List<Column> out) {
        for (FieldDescriptor field : message.getFields()) {
            List<FieldDescriptor> fieldPath = new ArrayList<>(path);
            fieldPath.add(field);
            String name = prefix + field.getName();
            boolean nested = field.getJavaType() == FieldDescriptor.JavaType.MESSAGE && !RequestBinder.isTimestamp(field);
            if (!nested) {
                out.add(new Column(name, List.copyOf(fieldPath)));
            } else if (fieldPath.size() < MAX_DEPTH) {
                collect(field.getMessageType(), name + ".", fieldPath, out);
            }
        }
    }

    /** The header line. */
    String header() {
        return columns.stream().map(column -> cell(column.name(), false)).collect(Collectors.joining(",")) + "\r\n";
    }

    /** One item's line. */
    String row(Message item) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            Column column = columns.get(i);
            List<String> values = new ArrayList<>();
            valuesOf(item, column.path(), 0, values);
            FieldDescriptor leaf = column.path().get(column.path().size() - 1);
            line.append(cell(String.join(";", values), leaf.getJavaType() == FieldDescriptor.JavaType.STRING));
        }
        return line.append("\r\n").toString();
    }

    private static void valuesOf(Message message, List<FieldDescriptor> path, int step, List<String> out) {
        FieldDescriptor field = path.get(step);
        boolean leaf = step == path.size() - 1;
        List<Object> elements = new ArrayList<>();
        if (field.isRepeated()) {
            for (int i = 0; i < message.getRepeatedFieldCount(field); i++) {
                elements.add(message.getRepeatedField(field, i));
            }
        } else if (!field.hasPresence() || message.hasField(field)) {
            elements.add(message.getField(field));
        }
        for (Object element : elements) {
            if (leaf) {
                out.add(text(element));
            } else {
                valuesOf((Message) element, path, step + 1, out);
            }
        }
    }

    private static String text(Object value) {
        if (value instanceof Timestamp timestamp) {
            return Timestamps.toString(timestamp);
        }
        if (value instanceof EnumValueDescriptor enumValue) {
            return enumValue.getName();
        }
        if (value instanceof com.google.protobuf.ByteString bytes) {
            return Base64.getEncoder().encodeToString(bytes.toByteArray());
        }
        return String.valueOf(value);
    }

    /** A cell: guarded against formulas when it is text, quoted when it holds a comma, quote or line break. */
    static String cell(String value, boolean text) {
        String guarded = text && !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (guarded.indexOf(',') < 0 && guarded.indexOf('"') < 0 && guarded.indexOf('\n') < 0
                && guarded.indexOf('\r') < 0) {
            return guarded;
        }
        return '"' + guarded.replace("\"", "\"\"") + '"';
    }
}
