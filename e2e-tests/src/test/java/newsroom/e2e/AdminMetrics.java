package newsroom.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import newsroom.cli.run.ServiceProcess;

/**
 * What a running service reports on its admin port's {@code /q/metrics} (Prometheus text):
 * what a test reads to tell which of several replicas did some of the work.
 */
final class AdminMetrics {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private AdminMetrics() {
    }

    /**
     * The sum of every sample of the metric {@code name} (all its label sets, e.g. every
     * {@code outcome} of a counter); 0 when the service does not report it.
     */
    static double total(ServiceProcess service, String name) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + service.adminPort() + "/q/metrics"))
                .timeout(Duration.ofSeconds(10)).build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException(service.name() + " answered /q/metrics with HTTP " + response.statusCode());
        }
        double total = 0;
        for (String line : response.body().split("\n")) {
            // A sample is "name value" or "name{labels} value"; "name_created" and the like are other metrics.
            if (line.startsWith(name + "{") || line.startsWith(name + " ")) {
                total += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return total;
    }
}
