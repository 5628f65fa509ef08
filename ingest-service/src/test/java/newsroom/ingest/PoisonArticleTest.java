package newsroom.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.grpc.GrpcClient;
import io.quarkus.grpc.GrpcService;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import newsroom.ingest.v1.ArticleStatus;
import newsroom.ingest.v1.GetIngestStatusRequest;
import newsroom.ingest.v1.GetIngestStatusResponse;
import newsroom.ingest.v1.IngestServiceGrpc;
import org.junit.jupiter.api.Test;

/**
 * A poison article: one whose analysis exceeds the NLP call's deadline every time, while the
 * NLP service analyses every other article. Were a deadline always taken for an outage, the
 * article would be retried forever; each such failure counts against it instead, it ends
 * FAILED after the configured attempts with its reason, and the other articles flow past it.
 */
@QuarkusTest
@TestProfile(PoisonArticleTest.ShortDeadline.class)
class PoisonArticleTest {

    /** A one-second deadline on NLP calls, three counted failures at most. */
    public static class ShortDeadline implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "newsroom.ingest.nlp-deadline", "1s",
                    "newsroom.ingest.write-margin", "2s",
                    "newsroom.ingest.max-attempts", "3");
        }
    }

    private static final Pattern FAILED_DEADLINE = Pattern.compile(
            "(?m)^newsroom_articles_failed_total\\{[^}]*reason=\"DEADLINE_EXCEEDED\"[^}]*} ([0-9.]+)$");

    @GrpcClient("ingest")
    IngestServiceGrpc.IngestServiceBlockingStub ingest;

    @Inject
    @GrpcService
    NameSpottingNlpService nlp;

    // Metrics are served on the admin port only.
    @TestHTTPResource(value = "metrics", management = true)
    URI metrics;

    @Test
    void anArticleThatAlwaysExceedsItsDeadlineEndsFailedWhileOthersAreAnalyzed() throws Exception {
        double failedBefore = failedForDeadline();
        // Each call "takes" five seconds, past the one-second deadline: DEADLINE_EXCEEDED every time.
        String poison = "Sergey Lavrov spoke in Moscow. [nlp-slow 5000ms] " + Articles.unique();
        long poisonId = ingest.ingestArticle(Articles.request(Articles.plainText(poison))).getArticleId();

        // Other articles keep arriving while the poison is tried, and keep being analysed.
        List<Long> others = new ArrayList<>();
        Articles.await("article " + poisonId + " to be FAILED", () -> {
            others.add(ingest.ingestArticle(Articles.request(Articles.plainText(
                    "Imran Khan spoke in Islamabad. " + Articles.unique()))).getArticleId());
            sleep(200);
            return status(poisonId).getStatus() == ArticleStatus.FAILED;
        });

        GetIngestStatusResponse failed = status(poisonId);
        assertEquals("DEADLINE_EXCEEDED", failed.getFailureReason());
        assertEquals(3, failed.getFailedAttempts());
        assertTrue(failed.getError().startsWith("given up after 3 failed analysis attempts (at most 3): "),
                failed.getError());
        assertTrue(failed.getError().contains("DEADLINE_EXCEEDED"), failed.getError());
        assertEquals(failed.getAttempts(), nlp.calls(poison), "no attempt after it was given up");
        assertEquals(0, Articles.rows("mention", poisonId));
        assertEquals(failedBefore + 1, failedForDeadline(), "newsroom_articles_failed_total{reason=DEADLINE_EXCEEDED}");

        for (long other : others) {
            Articles.await("article " + other + " to be ANALYZED",
                    () -> status(other).getStatus() == ArticleStatus.ANALYZED);
        }
        sleep(1_500);
        assertEquals(failed.getAttempts(), nlp.calls(poison), "a FAILED article is not tried again");
    }

    private GetIngestStatusResponse status(long id) {
        return ingest.getIngestStatus(GetIngestStatusRequest.newBuilder().setArticleId(id).build());
    }

    private double failedForDeadline() throws Exception {
        String body = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(metrics).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher counter = FAILED_DEADLINE.matcher(body);
        return counter.find() ? Double.parseDouble(counter.group(1)) : 0;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
