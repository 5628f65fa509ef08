package newsroom.deploy;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A port a service listens on, as its application.properties sets it: an environment
 * variable with a default, {@code ${NEWSROOM_NLP_PORT:9091}}.
 *
 * @param variable    the environment variable that overrides it
 * @param defaultPort the port without it
 */
record ListeningPort(String variable, int defaultPort) {

    /** The gRPC port ({@code quarkus.http.port}). */
    static final String GRPC = "quarkus.http.port";
    /** The admin port, health and metrics ({@code quarkus.management.port}). */
    static final String ADMIN = "quarkus.management.port";

    private static final Pattern VARIABLE_WITH_DEFAULT = Pattern.compile("\\$\\{([A-Z0-9_]+):(\\d+)}");

    /** The port {@code property} of {@code service}'s application.properties sets. */
    static ListeningPort of(Path home, String service, String property) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(
                home.resolve(service).resolve("src/main/resources/application.properties"), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        String port = properties.getProperty(property);
        if (port == null) {
            throw new IllegalStateException(service + " sets no " + property);
        }
        Matcher matcher = VARIABLE_WITH_DEFAULT.matcher(port.trim());
        if (!matcher.matches()) {
            throw new IllegalStateException(service + ": " + property + " is not ${VARIABLE:port}: " + port);
        }
        return new ListeningPort(matcher.group(1), Integer.parseInt(matcher.group(2)));
    }
}
