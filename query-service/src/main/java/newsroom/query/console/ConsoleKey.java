package newsroom.query.console;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The secret the console signs its links, cookies and form tokens with: the page-token key
 * ({@code newsroom.query.page-token-key-file}), which every replica of a deployment shares, so a
 * session opened on one replica is good on the others. Each use derives its own key from it
 * ({@link SignedValues}), so nothing the console signs can pass for a page token or the reverse.
 */
@ApplicationScoped
public class ConsoleKey {

    private static final Logger LOG = Logger.getLogger(ConsoleKey.class);

    private final byte[] key;

    @Inject
    ConsoleKey(@ConfigProperty(name = "newsroom.query.page-token-key-file") Optional<String> keyFile) {
        this.key = read(keyFile.filter(path -> !path.isBlank()).map(Path::of));
    }

    /** Signs and checks values for one purpose. */
    SignedValues signer(String purpose) {
        return new SignedValues(key, purpose);
    }

    // The file's checks (one line of at least 32 characters) are PageTokens', which reads it too
    // and stops the start when it is malformed.
    private static byte[] read(Optional<Path> keyFile) {
        if (keyFile.isEmpty()) {
            LOG.warn("no newsroom.query.page-token-key-file (NEWSROOM_QUERY_PAGE_TOKEN_KEY_FILE): console sign-in"
                    + " links and sessions are signed with a random key of this process, so they fail after a"
                    + " restart and on other replicas");
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            return random;
        }
        try {
            return Files.readString(keyFile.get()).strip().getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the page-token key file " + keyFile.get()
                    + " (newsroom.query.page-token-key-file), which also signs console sessions", e);
        }
    }
}
