package newsroom.ingest.analysis;

import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Turns TLS on for the channel to nlp-service when {@code NEWSROOM_TLS_CA_FILE} names the CA
 * certificate (PEM) to trust; plaintext otherwise.
 *
 * <p>A config source rather than {@code quarkus.grpc.clients.nlp.ssl.trust-store=${NEWSROOM_TLS_CA_FILE:}}
 * in application.properties: the native build registers that setting's file as a resource and
 * fails on an empty value, so the setting must be absent, not empty, when TLS is off. Its
 * ordinal sits above application.properties (250) and below environment variables (300).
 */
public final class NlpClientTlsConfigSource implements ConfigSource {

    public static final String CA_FILE = "NEWSROOM_TLS_CA_FILE";
    static final String TRUST_STORE = "quarkus.grpc.clients.nlp.ssl.trust-store";

    private final Map<String, String> properties;

    public NlpClientTlsConfigSource() {
        this(System.getenv());
    }

    NlpClientTlsConfigSource(Map<String, String> environment) {
        String caFile = System.getProperty(CA_FILE, environment.get(CA_FILE));
        properties = caFile == null || caFile.isBlank() ? Map.of() : Map.of(TRUST_STORE, caFile.strip());
    }

    @Override
    public Map<String, String> getProperties() {
        return properties;
    }

    @Override
    public Set<String> getPropertyNames() {
        return properties.keySet();
    }

    @Override
    public String getValue(String propertyName) {
        return properties.get(propertyName);
    }

    @Override
    public String getName() {
        return "newsroom-nlp-client-tls";
    }

    @Override
    public int getOrdinal() {
        return 275;
    }
}
