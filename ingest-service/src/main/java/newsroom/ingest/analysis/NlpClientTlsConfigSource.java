package newsroom.ingest.analysis;

import io.smallrye.config.common.MapBackedConfigSource;
import java.util.Map;

/**
 * Turns TLS on for the channel to nlp-service when {@code NEWSROOM_TLS_CA_FILE} names the CA
 * certificate (PEM) to trust; plaintext otherwise.
 *
 * <p>A config source rather than {@code quarkus.grpc.clients.nlp.ssl.trust-store=${NEWSROOM_TLS_CA_FILE:}}
 * in application.properties: the native build registers that setting's file as a resource and
 * fails on an empty value, so the setting must be absent, not empty, when TLS is off. Its
 * ordinal sits above application.properties (250) and below environment variables (300).
 */
public final class NlpClientTlsConfigSource extends MapBackedConfigSource {

    public static final String CA_FILE = "NEWSROOM_TLS_CA_FILE";
    static final String TRUST_STORE = "quarkus.grpc.clients.nlp.ssl.trust-store";

    public NlpClientTlsConfigSource() {
        this(System.getenv());
    }

    NlpClientTlsConfigSource(Map<String, String> environment) {
        super("newsroom-nlp-client-tls", trustProperties(environment), 275);
    }

    private static Map<String, String> trustProperties(Map<String, String> environment) {
        String caFile = System.getProperty(CA_FILE, environment.get(CA_FILE));
        return caFile == null || caFile.isBlank() ? Map.of() : Map.of(TRUST_STORE, caFile.strip());
    }
}
