package newsroom.query.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The path of a google.api.http rule (AIP-127), "/api/v1/entities/{entity_id}/timeline": literal
 * segments and single-segment variables naming a request field. The wider template syntax
 * ({@code {name=books/*}}, {@code **}, {@code :verb}) is refused at start, since no rule uses it.
 */
record PathTemplate(String text, List<String> segments) {

    static PathTemplate parse(String text) {
        if (!text.startsWith("/")) {
            throw new IllegalArgumentException("an HTTP path template starts with '/': " + text);
        }
        List<String> segments = List.of(text.substring(1).split("/", -1));
        for (String segment : segments) {
            boolean variable = segment.startsWith("{") && segment.endsWith("}");
            String name = variable ? segment.substring(1, segment.length() - 1) : segment;
            if (name.isEmpty() || !name.matches("[a-z0-9_.\\-]+")) {
                throw new IllegalArgumentException("unsupported segment \"" + segment + "\" in HTTP path template "
                        + text + ": only literals and {field} variables are served");
            }
        }
        return new PathTemplate(text, segments);
    }

    /** The request fields the path sets, in order. */
    List<String> variables() {
        List<String> variables = new ArrayList<>();
        for (String segment : segments) {
            if (isVariable(segment)) {
                variables.add(segment.substring(1, segment.length() - 1));
            }
        }
        return variables;
    }

    /** The last literal segment: what the path is a list of ("quotes"), for file names. */
    String lastLiteral() {
        for (int i = segments.size() - 1; i >= 0; i--) {
            if (!isVariable(segments.get(i))) {
                return segments.get(i);
            }
        }
        return "api";
    }

    /** The variables' values when {@code path} (decoded, "/api/v1/articles/42") matches, else empty. */
    Optional<Map<String, String>> match(List<String> pathSegments) {
        if (pathSegments.size() != segments.size()) {
            return Optional.empty();
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < segments.size(); i++) {
            String segment = segments.get(i);
            if (isVariable(segment)) {
                if (pathSegments.get(i).isEmpty()) {
                    return Optional.empty();
                }
                values.put(segment.substring(1, segment.length() - 1), pathSegments.get(i));
            } else if (!segment.equals(pathSegments.get(i))) {
                return Optional.empty();
            }
        }
        return Optional.of(values);
    }

    private static boolean isVariable(String segment) {
        return segment.startsWith("{");
    }
}
