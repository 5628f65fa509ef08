package newsroom.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Channel;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import newsroom.ingest.v1.IngestArticlesRequest;
import newsroom.ingest.v1.IngestArticlesResponse;
import newsroom.ingest.v1.IngestServiceGrpc;
import org.junit.jupiter.api.Test;

/**
 * One client's streams are capped: how many are open at once and how many articles a
 * second go into them. Beyond a cap the stream ends with RESOURCE_EXHAUSTED naming the
 * limit; what was refused is not stored.
 */
@QuarkusTest
@TestProfile(StreamLimitsTest.TightLimits.class)
class StreamLimitsTest {

    /** One open stream and three articles a second per client. */
    public static class TightLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "newsroom.limits.max-open-streams", "1",
                    "newsroom.limits.stream-messages-per-second", "3",
                    "newsroom.ingest.worker.enabled", "false");
        }
    }

    /** Articles sent at once; at three a second they would need over a minute. */
    private static final int ARTICLES = 200;

    @GrpcClient("ingest")
    Channel channel;

    @Test
    void aClientSendingFasterThanItsRateIsStoppedAndTheRestIsNotStored() {
        long before = Articles.articleCount();
        Stream stream = open();
        for (int i = 0; i < ARTICLES; i++) {
            stream.send("Article " + i + " of a client in a hurry. " + Articles.unique());
        }
        stream.requests.onCompleted();

        Status ended = stream.ended.join();
        assertEquals(Status.Code.RESOURCE_EXHAUSTED, ended.getCode(), ended::toString);
        assertTrue(ended.getDescription().contains("sent more than 3 messages per second into its streams"
                + " (newsroom.limits.stream-messages-per-second)"), ended::toString);
        // Articles are committed in batches (BulkIngestTally); the batch open when the stream was
        // stopped is not committed, and the client, who got no results for it, may send it again.
        long stored = Articles.articleCount() - before;
        assertTrue(stored < ARTICLES, "stored " + stored + " of " + ARTICLES);
    }

    @Test
    void aSecondStreamOfTheSameClientIsRefusedWhileTheFirstIsOpen() {
        Stream first = open();
        Stream second = open();
        first.send("The first stream's article. " + Articles.unique());
        second.send("The second stream's article. " + Articles.unique());

        // Whichever reached the server second is refused at once; the other stays open.
        Stream refused = (Stream) CompletableFuture.anyOf(first.ended.thenApply(status -> first),
                second.ended.thenApply(status -> second)).join();
        Stream open = refused == first ? second : first;
        Status status = refused.ended.join();
        assertEquals(Status.Code.RESOURCE_EXHAUSTED, status.getCode(), status::toString);
        assertTrue(status.getDescription().contains("already has 1 streams open, the most one client may"
                + " (newsroom.limits.max-open-streams)"), status::toString);

        open.requests.onCompleted();
        assertEquals(Status.Code.OK, open.ended.join().getCode());
        // Once it is done, the client may stream again.
        Stream next = open();
        next.send("A later stream's article. " + Articles.unique());
        next.requests.onCompleted();
        assertEquals(Status.Code.OK, next.ended.join().getCode());
    }

    private Stream open() {
        Stream stream = new Stream();
        stream.requests = IngestServiceGrpc.newStub(channel).withDeadlineAfter(60, TimeUnit.SECONDS).ingestArticles(new StreamObserver<>() {
            @Override
            public void onNext(IngestArticlesResponse response) {
            }

            @Override
            public void onError(Throwable failure) {
                stream.ended.complete(Status.fromThrowable(failure));
            }

            @Override
            public void onCompleted() {
                stream.ended.complete(Status.OK);
            }
        });
        return stream;
    }

    private static final class Stream {
        final CompletableFuture<Status> ended = new CompletableFuture<>();
        StreamObserver<IngestArticlesRequest> requests;

        void send(String text) {
            requests.onNext(IngestArticlesRequest.newBuilder().setArticle(Articles.plainText(text)).build());
        }
    }
}
