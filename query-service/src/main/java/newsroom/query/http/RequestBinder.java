package newsroom.query.http;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import com.google.protobuf.Timestamp;
import com.google.protobuf.util.Timestamps;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Builds a request message from a path's variables and a URL's query parameters, as AIP-127
 * binds them: each parameter names a field of the request ({@code entity_id}, or in lowerCamelCase
 * {@code entityId}; a dotted path for a nested message's field), or is one of the short
 * {@link #ALIASES} docs/api.md's URLs use ({@code q}, {@code limit}, {@code speaker}, {@code by}). Values are read by the field's type: integers and
 * decimals as written, bools as true or false, enums by value name (any case), timestamps as
 * RFC 3339 or a YYYY-MM-DD date (its first instant, UTC), bytes as base64. A repeated field takes
 * its parameter more than once. Anything else is a {@link BadParameterException} naming the
 * parameter.
 */
final class RequestBinder {

    /**
     * Short names for request fields, in one table: each alias sets the first of its fields that
     * the method's request has ({@code q} is {@code query} for the searches and {@code text_query}
     * for quotes).
     */
    static final Map<String, List<String>> ALIASES = Map.of(
            "q", List.of("query", "text_query"),
            "limit", List.of(ApiMethod.PAGE_SIZE),
            "speaker", List.of("speaker_name"),
            "by", List.of("granularity"));

    private RequestBinder() {
    }

    /** The field that {@code parameter} (a field name, a lowerCamelCase name, a dotted path or an alias) sets, if any. */
    static List<FieldDescriptor> fieldPath(Descriptor request, String parameter) {
        List<String> aliased = ALIASES.get(parameter);
        if (aliased != null) {
            for (String name : aliased) {
                FieldDescriptor field = request.findFieldByName(name);
                if (field != null) {
                    return List.of(field);
                }
            }
            return List.of();
        }
        List<FieldDescriptor> path = new java.util.ArrayList<>();
        Descriptor message = request;
        for (String name : parameter.split("\\.", -1)) {
            if (message == null) {
                return List.of();
            }
            FieldDescriptor field = message.findFieldByName(name);
            if (field == null) {
                field = message.getFields().stream().filter(f -> f.getJsonName().equals(name)).findFirst().orElse(null);
            }
            if (field == null) {
                return List.of();
            }
            path.add(field);
            message = field.getJavaType() == FieldDescriptor.JavaType.MESSAGE && !isTimestamp(field)
                    ? field.getMessageType() : null;
        }
        return path;
    }

    /**
     * Sets {@code parameter}'s field of {@code builder} to {@code values}.
     *
     * @throws BadParameterException for an unknown parameter, a value its field cannot take, or
     *                               several values for a field that takes one
     */
    static void bind(Message.Builder builder, String parameter, List<String> values) {
        List<FieldDescriptor> path = fieldPath(builder.getDescriptorForType(), parameter);
        if (path.isEmpty()) {
            throw new BadParameterException(parameter, "is not a parameter of this path; it takes "
                    + parametersOf(builder.getDescriptorForType()));
        }
        Message.Builder target = builder;
        for (FieldDescriptor step : path.subList(0, path.size() - 1)) {
            if (step.isRepeated()) {
                throw new BadParameterException(parameter, "is inside a repeated field and cannot be set from a URL");
            }
            target = target.getFieldBuilder(step);
        }
        FieldDescriptor field = path.get(path.size() - 1);
        if (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE && !isTimestamp(field)) {
            throw new BadParameterException(parameter, "is a message and cannot be set from a URL; set its fields"
                    + " (" + parameter + ".<field>)");
        }
        if (!field.isRepeated() && values.size() > 1) {
            throw new BadParameterException(parameter, "is given " + values.size() + " times; it takes one value");
        }
        for (String value : values) {
            Object parsed = parse(parameter, field, value);
            if (field.isRepeated()) {
                target.addRepeatedField(field, parsed);
            } else {
                target.setField(field, parsed);
            }
        }
    }

    /** The parameters a request takes: its top-level field names and the aliases that apply to it. */
    static String parametersOf(Descriptor request) {
        String fields = request.getFields().stream().map(FieldDescriptor::getName).collect(Collectors.joining(", "));
        String aliases = ALIASES.keySet().stream().sorted()
                .filter(alias -> !fieldPath(request, alias).isEmpty())
                .map(alias -> alias + " (" + fieldPath(request, alias).get(0).getName() + ")")
                .collect(Collectors.joining(", "));
        return fields + (aliases.isEmpty() ? "" : "; aliases " + aliases) + "; and format";
    }

    private static Object parse(String parameter, FieldDescriptor field, String value) {
        try {
            return switch (field.getType()) {
                case INT32, SINT32, SFIXED32 -> Integer.parseInt(value.strip());
                case UINT32, FIXED32 -> Integer.parseUnsignedInt(value.strip());
                case INT64, SINT64, SFIXED64 -> Long.parseLong(value.strip());
                case UINT64, FIXED64 -> Long.parseUnsignedLong(value.strip());
                case DOUBLE -> finite(Double.parseDouble(value.strip()));
                case FLOAT -> (float) finite(Float.parseFloat(value.strip()));
                case BOOL -> bool(value);
                case STRING -> value;
                case BYTES -> com.google.protobuf.ByteString.copyFrom(Base64.getUrlDecoder().decode(value.strip()));
                case ENUM -> enumValue(parameter, field.getEnumType(), value);
                case MESSAGE, GROUP -> timestamp(value);
            };
        } catch (NumberFormatException e) {
            throw new BadParameterException(parameter, "must be " + (field.getJavaType() == FieldDescriptor.JavaType.DOUBLE
                    || field.getJavaType() == FieldDescriptor.JavaType.FLOAT ? "a finite number" : "an integer")
                    + ", was \"" + shown(value) + "\"");
        } catch (IllegalArgumentException e) {
            throw new BadParameterException(parameter, "must be " + expected(field) + ", was \"" + shown(value) + "\"");
        }
    }

    private static String expected(FieldDescriptor field) {
        return switch (field.getJavaType()) {
            case BOOLEAN -> "true or false";
            case BYTE_STRING -> "base64url";
            case MESSAGE -> "an RFC 3339 time (2021-04-07T09:00:00Z) or a date (2021-04-07, its first instant in UTC)";
            default -> "a " + field.getType().name().toLowerCase(Locale.ROOT);
        };
    }

    private static double finite(double number) {
        if (!Double.isFinite(number)) {
            throw new NumberFormatException("not finite");
        }
        return number;
    }

    private static boolean bool(String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("not a bool");
        };
    }

    private static EnumValueDescriptor enumValue(String parameter, EnumDescriptor type, String value) {
        for (EnumValueDescriptor candidate : type.getValues()) {
            if (candidate.getNumber() != 0 && candidate.getName().equalsIgnoreCase(value.strip())) {
                return candidate;
            }
        }
        String names = type.getValues().stream().filter(v -> v.getNumber() != 0)
                .map(EnumValueDescriptor::getName).collect(Collectors.joining(", "));
        throw new BadParameterException(parameter, "must be one of " + names + " (any case), was \"" + shown(value) + "\"");
    }

    private static Timestamp timestamp(String value) {
        String text = value.strip();
        try {
            if (text.length() == 10) {
                return Timestamps.fromSeconds(LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toEpochSecond());
            }
            return Timestamps.parse(text);
        } catch (DateTimeParseException | java.text.ParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static boolean isTimestamp(FieldDescriptor field) {
        return field.getJavaType() == FieldDescriptor.JavaType.MESSAGE
                && field.getMessageType().getFullName().equals(Timestamp.getDescriptor().getFullName());
    }

    /** A value as an error message shows it: at most 100 characters, control characters escaped. */
    static String shown(String value) {
        String cut = value.length() > 100 ? value.substring(0, 100) + "..." : value;
        StringBuilder out = new StringBuilder();
        cut.codePoints().forEach(c -> out.append(Character.isISOControl(c) || c == '"' ? String.format("\\u%04x", c)
                : new String(Character.toChars(c))));
        return out.toString();
    }
}
