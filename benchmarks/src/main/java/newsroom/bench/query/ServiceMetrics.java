package newsroom.bench.query;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * A service's metrics as its admin port serves them ({@code /q/metrics}, Prometheus's text
 * format): what the benchmark reads to see where query-service's reads went.
 */
final class ServiceMetrics {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI uri;

    ServiceMetrics(int adminPort) {
        this.uri = URI.create("http://localhost:" + adminPort + "/q/metrics");
    }

    /** The metrics now. */
    Scrape scrape() throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException(uri + " answered " + response.statusCode());
        }
        return new Scrape(response.body());
    }

    /** One reading of every metric, in Prometheus's text format. */
    record Scrape(String text) {

        /**
         * The value of the sample of metric {@code name} whose labels include each of
         * {@code labels} (written as in the format: {@code store="replica"}), or of the sum of
         * such samples when several match; NaN when none does or a matching sample is NaN.
         */
        double value(String name, String... labels) {
            double sum = 0;
            boolean found = false;
            for (String line : text.split("\n")) {
                if (line.startsWith("#") || !line.startsWith(name)) {
                    continue;
                }
                String rest = line.substring(name.length());
                String labelSet = "";
                if (rest.startsWith("{")) {
                    int close = rest.indexOf('}');
                    labelSet = rest.substring(1, close);
                    rest = rest.substring(close + 1);
                }
                if (!rest.startsWith(" ") || !List.of(splitLabels(labelSet)).containsAll(List.of(labels))) {
                    continue;
                }
                // "value" or "value timestamp"
                sum += Double.parseDouble(rest.strip().split("\\s+")[0]);
                found = true;
            }
            return found ? sum : Double.NaN;
        }

        // Label values here never hold commas (store names, tags of Micrometer's own).
        private static String[] splitLabels(String labelSet) {
            return labelSet.isEmpty() ? new String[0] : labelSet.split(",");
        }
    }
}
