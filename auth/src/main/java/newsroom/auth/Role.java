package newsroom.auth;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What a caller holding an API key may do. A key holds one or more roles. */
public enum Role {
    /** May submit articles: {@code newsroom.ingest.v1.IngestService}. */
    WRITER,
    /** May ask questions: {@code newsroom.query.v1.QueryService}. */
    READER,
    /** May call nlp-service: {@code newsroom.nlp.v1.NlpService}; ingest-service holds one such key. */
    ANALYZER;

    /** The name used in key files and on the command line: "writer". */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException naming the valid roles */
    public static Role ofLabel(String label) {
        for (Role role : values()) {
            if (role.label().equals(label.strip().toLowerCase(Locale.ROOT))) {
                return role;
            }
        }
        throw new IllegalArgumentException("unknown role \"" + label + "\"; the roles are " + labels());
    }

    public static String labels() {
        return Arrays.stream(values()).map(Role::label).collect(Collectors.joining(", "));
    }
}
