package newsroom.auth.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerTlsConfigSourceTest {

    @Test
    void plaintextWhenNoCertificateIsNamed() {
        assertTrue(new ServerTlsConfigSource(Map.of()).getProperties().isEmpty());
    }

    @Test
    void aCertificateAndKeyTurnTheOnePortToTlsOnly() {
        ServerTlsConfigSource source = new ServerTlsConfigSource(Map.of(
                "NEWSROOM_TLS_CERT_FILE", "/etc/tls/tls.crt", "NEWSROOM_TLS_KEY_FILE", "/etc/tls/tls.key"));

        assertEquals("/etc/tls/tls.crt", source.getValue("quarkus.http.ssl.certificate.files"));
        assertEquals("/etc/tls/tls.key", source.getValue("quarkus.http.ssl.certificate.key-files"));
        assertEquals("disabled", source.getValue("quarkus.http.insecure-requests"));
    }

    @Test
    void aCertificateWithoutItsKeyIsAnErrorThatNamesTheMissingSetting() {
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> new ServerTlsConfigSource(Map.of("NEWSROOM_TLS_CERT_FILE", "/etc/tls/tls.crt")));

        assertTrue(error.getMessage().contains("NEWSROOM_TLS_KEY_FILE"), error.getMessage());
    }
}
