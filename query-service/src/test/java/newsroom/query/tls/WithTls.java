package newsroom.query.tls;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import newsroom.auth.tls.LocalCertificateAuthority;
import newsroom.auth.tls.TlsFiles;

/**
 * query-service with a certificate from {@link LocalCertificateAuthority}, as
 * {@code newsroom up --tls} runs it: the same settings ServerTlsConfigSource derives from
 * NEWSROOM_TLS_CERT_FILE / NEWSROOM_TLS_KEY_FILE, and its one port speaks TLS only.
 */
public class WithTls implements QuarkusTestProfile {

    /** The certificate, its key and the authority a client trusts. */
    public static final TlsFiles FILES = generate();

    private static TlsFiles generate() {
        try {
            Path directory = Files.createTempDirectory("newsroom-tls-test");
            directory.toFile().deleteOnExit();
            return LocalCertificateAuthority.generate(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "quarkus.http.ssl.certificate.files", FILES.certificate().toString(),
                "quarkus.http.ssl.certificate.key-files", FILES.privateKey().toString(),
                "quarkus.http.insecure-requests", "disabled");
    }
}
