package newsroom.cli.run;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Asks a service's {@code /q/health/ready} endpoint, on its admin port, whether it can take
 * requests. The admin port is plaintext also when the gRPC port speaks TLS, so one probe
 * serves both.
 */
public final class ReadinessProbe {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    /** True when GET http://host:adminPort/q/health/ready answers 200; false when it answers otherwise or not at all. */
    public boolean isReady(String host, int adminPort) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + host + ":" + adminPort + "/q/health/ready"))
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
