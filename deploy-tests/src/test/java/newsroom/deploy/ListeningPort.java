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
 * The port a service listens on for gRPC and HTTP, as its application.properties sets
 * {@code quarkus.http.port}: an environment variable with a default,
 * {@code ${NEWSROOM_NLP_PORT:9091}}.
 *
 * @param variable    the environment variable that overrides it
 * @param defaultPort the port without it
 */
record ListeningPort(String variable, int defaultPort) {

    private static final Pattern VARIABLE_WITH_DEFAULT = Pattern.compile("\\$\\{([A-Z0-9_]+):(\\d+)}");

    static ListeningPort of(Path home, String service) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(
                home.resolve(service).resolve("src/main/resources/application.properties"), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        String port = properties.getProperty("quarkus.http.port");
        if (port == null) {
            throw new IllegalStateException(service + " sets no quarkus.http.port");
        }
        Matcher matcher = VARIABLE_WITH_DEFAULT.matcher(port.trim());
        if (!matcher.matches()) {
            throw new IllegalStateException(service + ": quarkus.http.port is not ${VARIABLE:port}: " + port);
        }
        return new ListeningPort(matcher.group(1), Integer.parseInt(matcher.group(2)));
    }
}
