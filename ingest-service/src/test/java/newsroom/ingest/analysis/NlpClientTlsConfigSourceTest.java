package newsroom.ingest.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class NlpClientTlsConfigSourceTest {

    @Test
    void plaintextToNlpWhenNoCaIsNamed() {
        assertTrue(new NlpClientTlsConfigSource(Map.of()).getProperties().isEmpty());
        assertTrue(new NlpClientTlsConfigSource(Map.of("NEWSROOM_TLS_CA_FILE", " ")).getProperties().isEmpty());
    }

    @Test
    void aNamedCaIsTheNlpChannelsTrustStore() {
        NlpClientTlsConfigSource source = new NlpClientTlsConfigSource(Map.of("NEWSROOM_TLS_CA_FILE", "/etc/tls/ca.crt"));

        assertEquals("/etc/tls/ca.crt", source.getValue("quarkus.grpc.clients.nlp.ssl.trust-store"));
    }
}
