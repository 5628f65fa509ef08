package newsroom.cli.credentials;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import newsroom.cli.run.Service;
import newsroom.cli.run.SuiteSettings;

/**
 * Which API key the CLI sends to a service: NEWSROOM_API_KEY, else the one {@code newsroom up}
 * wrote for it ({@link LocalCredentials#cliKeyFile}).
 */
public final class ClientKey {

    private ClientKey() {
    }

    /** Empty when there is none: the service then says what is missing. */
    public static Optional<String> find(Map<String, String> environment, Service service) {
        String given = environment.get("NEWSROOM_API_KEY");
        if (given != null && !given.isBlank()) {
            return Optional.of(given.strip());
        }
        Path local = LocalCredentials.cliKeyFile(
                SuiteSettings.fromEnvironment(environment, Path.of(".")).credentialsDirectory(), service);
        if (!Files.isRegularFile(local)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readString(local).strip()).filter(key -> !key.isEmpty());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the API key in " + local + ": " + e.getMessage(), e);
        }
    }
}
