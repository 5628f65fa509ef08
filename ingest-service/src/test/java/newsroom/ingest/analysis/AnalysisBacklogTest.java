package newsroom.ingest.analysis;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The backlog gauges come from one query, which back-pressure reads too: a query that fails
 * reads as NaN, and intake would then never be refused.
 */
@QuarkusTest
class AnalysisBacklogTest {

    private static final Pattern REANALYSIS_GAUGE =
            Pattern.compile("(?m)^newsroom_ingest_reanalysis_articles(?:\\{[^}]*})? (\\S+)$");

    @Inject
    AnalysisBacklog backlog;

    @TestHTTPResource(value = "metrics", management = true)
    URI metrics;

    @Test
    void theBacklogAndTheReanalysisFiguresAreRead() throws Exception {
        AnalysisBacklog.Reading reading = backlog.current();
        assertFalse(Double.isNaN(reading.articles()), reading.toString());
        assertFalse(Double.isNaN(reading.reanalysisArticles()), reading.toString());
        assertTrue(backlog.articlesWaiting().isPresent());

        String exported = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(metrics).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher gauge = REANALYSIS_GAUGE.matcher(exported);
        assertTrue(gauge.find(), "no newsroom_ingest_reanalysis_articles in /q/metrics");
        assertFalse(Double.isNaN(Double.parseDouble(gauge.group(1))), gauge.group());
    }
}
