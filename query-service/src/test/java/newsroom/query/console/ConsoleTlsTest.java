package newsroom.query.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.ChannelCredentials;
import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.grpc.TlsChannelCredentials;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import newsroom.auth.BearerKey;
import newsroom.query.tls.WithTls;
import newsroom.query.v1.ConsoleServiceGrpc;
import newsroom.query.v1.CreateSignInLinkRequest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** Over TLS (`newsroom up --tls`) the console's session cookie is also Secure. */
@QuarkusTest
@TestProfile(WithTls.class)
class ConsoleTlsTest {

    @Test
    void theSessionCookieIsSecureOverTls() throws Exception {
        int port = ConfigProvider.getConfig().getValue("quarkus.http.test-ssl-port", Integer.class);
        String readerKey = ConfigProvider.getConfig().getValue("newsroom.test.key.reader", String.class);
        ChannelCredentials credentials = TlsChannelCredentials.newBuilder()
                .trustManager(WithTls.FILES.ca().toFile()).build();
        ManagedChannel channel = Grpc.newChannelBuilder("localhost:" + port, credentials).build();
        String link;
        try {
            link = ConsoleServiceGrpc.newBlockingStub(channel).withInterceptors(new BearerKey(readerKey))
                    .createSignInLink(CreateSignInLinkRequest.getDefaultInstance()).getPath();
        } finally {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }

        HttpClient client = HttpClient.newBuilder().sslContext(trustingCa())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> signedIn = client.send(HttpRequest.newBuilder(URI.create("https://localhost:" + port + link))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(303, signedIn.statusCode(), signedIn.body());
        String cookie = Browser.setCookie(signedIn, "newsroom_session").orElseThrow().toLowerCase();
        assertTrue(cookie.contains("secure") && cookie.contains("httponly") && cookie.contains("samesite=strict"),
                cookie);
    }

    private static SSLContext trustingCa() throws Exception {
        KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
        trusted.load(null, null);
        try (InputStream ca = Files.newInputStream(WithTls.FILES.ca())) {
            trusted.setCertificateEntry("newsroom-ca", CertificateFactory.getInstance("X.509").generateCertificate(ca));
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }
}
