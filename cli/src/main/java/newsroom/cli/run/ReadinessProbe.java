package newsroom.cli.run;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** Asks a service's {@code /q/health/ready} endpoint whether it can take requests. */
public final class ReadinessProbe {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final String scheme;
    private final HttpClient client;

    /** A probe of plaintext services. */
    public ReadinessProbe() {
        this("http", HttpClient.newBuilder().connectTimeout(TIMEOUT).build());
    }

    private ReadinessProbe(String scheme, HttpClient client) {
        this.scheme = scheme;
        this.client = client;
    }

    /** A probe of services that speak TLS with a certificate {@code caCertificate} (PEM) signed. */
    public static ReadinessProbe trusting(Path caCertificate) {
        try (InputStream in = Files.newInputStream(caCertificate)) {
            KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
            trusted.load(null, null);
            trusted.setCertificateEntry("newsroom-ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return new ReadinessProbe("https",
                    HttpClient.newBuilder().connectTimeout(TIMEOUT).sslContext(context).build());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the CA certificate " + caCertificate + ": " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the CA certificate " + caCertificate + " is not usable: " + e.getMessage(), e);
        }
    }

    /** True when GET http(s)://host:port/q/health/ready answers 200; false when it answers otherwise or not at all. */
    public boolean isReady(String host, int port) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(scheme + "://" + host + ":" + port + "/q/health/ready"))
                .timeout(TIMEOUT)
                .GET()
                .build();
        try {
            return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
