package newsroom.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How a service's access control starts from its settings. JBoss Logging writes to
 * java.util.logging here (org.jboss.logging.provider=jdk in the pom), where the test reads it.
 */
class GrpcAccessControlTest {

    @TempDir
    Path directory;

    private final List<LogRecord> logged = new ArrayList<>();
    private final Logger log = Logger.getLogger(GrpcAccessControl.class.getName());
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void listen() {
        log.addHandler(capture);
    }

    @AfterEach
    void stopListening() {
        log.removeHandler(capture);
    }

    @Test
    void theExactSwitchTurnsAuthOffWithAWarningAtEveryStart() {
        for (int start = 1; start <= 2; start++) {
            start(Map.of("NEWSROOM_AUTH_ENABLED", "false", "newsroom.auth.enabled", "false"));
            assertEquals(start, warnings().size(), "one warning per start");
        }
        assertTrue(warnings().get(0).getMessage().startsWith("AUTHENTICATION IS OFF"), warnings().get(0).getMessage());
    }

    @Test
    void aMisspeltSwitchStopsTheStart() throws Exception {
        Path keys = directory.resolve("keys");
        Files.writeString(keys, KeyRegistry.entry(ApiKey.generate(), Set.of(Role.READER), "reader") + "\n");
        for (Map<String, String> settings : List.of(
                Map.of("NEWSROOM_AUTH_ENABLE", "false", "newsroom.auth.keys-file", keys.toString()),
                Map.of("quarkus.newsroom.auth.enabld", "false", "newsroom.auth.keys-file", keys.toString()),
                Map.of("newsroom.auth.enabled", "flase", "newsroom.auth.keys-file", keys.toString()))) {
            IllegalStateException refused = assertThrows(IllegalStateException.class, () -> start(settings),
                    settings.toString());
            assertTrue(refused.getMessage().contains("newsroom.auth.enabled (NEWSROOM_AUTH_ENABLED)"),
                    refused.getMessage());
        }
        assertEquals(List.of(), warnings());
    }

    @Test
    void withAKeyFileAuthIsOnWithoutAWarning() throws Exception {
        Path keys = directory.resolve("keys");
        Files.writeString(keys, KeyRegistry.entry(ApiKey.generate(), Set.of(Role.READER), "reader") + "\n");
        start(Map.of("newsroom.auth.keys-file", keys.toString()));
        assertEquals(List.of(), warnings());
    }

    private void start(Map<String, String> settings) {
        Config config = new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(settings, "test", 100))
                .build();
        new GrpcAccessControl(config, Optional.ofNullable(settings.get("newsroom.auth.keys-file")), 8, 5000)
                .onStart(null);
    }

    private List<LogRecord> warnings() {
        return logged.stream().filter(record -> record.getLevel().intValue() == Level.WARNING.intValue()).toList();
    }
}
