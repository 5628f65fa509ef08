package newsroom.cli.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import newsroom.auth.ApiKey;
import newsroom.auth.tls.LocalCertificateAuthority;
import newsroom.cli.UserError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A key goes in plaintext only to this machine, unless the user says --insecure. */
class ServiceChannelTest {

    private static final Endpoint REMOTE = Endpoint.of("query-service", "news.example.org:9093");
    private static final Optional<String> KEY = Optional.of(ApiKey.generate());

    @Test
    void loopbackIsThisMachineByNameOrAddressOnly() {
        for (String target : List.of("localhost:9093", "LOCALHOST:9093", "127.0.0.1:9093", "127.8.9.10:9093",
                "[::1]:9093")) {
            assertTrue(Endpoint.of("query-service", target).isLoopback(), target);
        }
        for (String target : List.of("news.example.org:9093", "192.0.2.7:9093", "[2001:db8::1]:9093",
                "localhost.example.org:9093", "127.0.0.1.nip.io:9093", "0.0.0.0:9093")) {
            assertFalse(Endpoint.of("query-service", target).isLoopback(), target);
        }
    }

    @Test
    void aKeyIsNotSentInPlaintextToAnotherMachine() {
        UserError refused = assertThrows(UserError.class,
                () -> ServiceChannel.open(REMOTE, KEY, Optional.empty(), false));
        assertEquals("not sending the API key to query-service at news.example.org:9093 in plaintext: anyone on the"
                + " way could read it and call the suite with it. Use TLS: set NEWSROOM_TLS_CA_FILE to the CA"
                + " certificate (PEM) that signed the services' certificates (docs/security.md). On a network you"
                + " trust, --insecure sends it unencrypted anyway.", refused.getMessage());
        assertThrows(UserError.class, () -> ServiceChannel.open(REMOTE, KEY, Optional.empty()));
    }

    @Test
    void overTlsWithInsecureToThisMachineOrWithoutAKeyTheChannelOpens(@TempDir Path directory) throws Exception {
        Path ca = LocalCertificateAuthority.generate(directory).ca();
        ServiceChannel.open(REMOTE, KEY, Optional.of(ca), false).close();
        ServiceChannel.open(REMOTE, KEY, Optional.empty(), true).close();
        ServiceChannel.open(Endpoint.of("query-service", "localhost:9093"), KEY, Optional.empty(), false).close();
        ServiceChannel.open(REMOTE, Optional.empty(), Optional.empty(), false).close();
    }
}
