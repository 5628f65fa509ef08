package newsroom.auth.tls;

import io.smallrye.config.common.MapBackedConfigSource;
import java.util.Map;

/**
 * Turns TLS on for a service's gRPC port when {@code NEWSROOM_TLS_CERT_FILE} and
 * {@code NEWSROOM_TLS_KEY_FILE} name a PEM certificate and key: the port then speaks TLS
 * only. The admin port (the management interface: health, metrics) stays plaintext.
 *
 * <p>A config source rather than lines in application.properties because the two Quarkus
 * settings must change together: {@code quarkus.http.insecure-requests=disabled} (no
 * plaintext listener) is an error without a certificate, and plaintext must stay the
 * default. Each service sets {@code quarkus.http.ssl-port} to its own port. Its ordinal
 * sits above application.properties (250) and below environment variables (300), so
 * Quarkus' own variables still win.
 */
public final class ServerTlsConfigSource extends MapBackedConfigSource {

    public static final String CERT_FILE = "NEWSROOM_TLS_CERT_FILE";
    public static final String KEY_FILE = "NEWSROOM_TLS_KEY_FILE";

    public ServerTlsConfigSource() {
        this(System.getenv());
    }

    ServerTlsConfigSource(Map<String, String> environment) {
        super("newsroom-server-tls", tlsProperties(environment), 275);
    }

    private static Map<String, String> tlsProperties(Map<String, String> environment) {
        String certificate = setting(environment, CERT_FILE);
        String key = setting(environment, KEY_FILE);
        if (certificate == null && key == null) {
            return Map.of();
        } else if (certificate == null || key == null) {
            throw new IllegalStateException("TLS needs both " + CERT_FILE + " and " + KEY_FILE
                    + " (PEM files); only " + (certificate == null ? KEY_FILE : CERT_FILE) + " is set");
        } else {
            return Map.of(
                    "quarkus.http.ssl.certificate.files", certificate,
                    "quarkus.http.ssl.certificate.key-files", key,
                    "quarkus.http.insecure-requests", "disabled");
        }
    }

    private static String setting(Map<String, String> environment, String name) {
        String value = System.getProperty(name, environment.get(name));
        return value == null || value.isBlank() ? null : value.strip();
    }
}
