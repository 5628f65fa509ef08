package newsroom.e2e;

import io.grpc.Context;
import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import newsroom.nlp.v1.AnalyzeDocumentRequest;
import newsroom.nlp.v1.AnalyzeDocumentResponse;
import newsroom.nlp.v1.Analysis;
import newsroom.nlp.v1.Entity;
import newsroom.nlp.v1.Mention;
import newsroom.nlp.v1.NlpServiceGrpc;
import newsroom.nlp.v1.Quote;

/**
 * A stand-in nlp-service served over real gRPC on a port of its own, for the
 * fault tests: loading CoreNLP would cost the tests minutes and prove nothing
 * about ingest's durability. Each analysis takes the current delay (so a
 * kill lands mid-analysis; a long one makes the service slow) and has exactly
 * one entity, named by the text's first word, with one mention, and one quote
 * of the text's first 20 characters: so after the load every article must own
 * exactly one mention and one quote, whatever was retried. It counts the
 * calls it had at once, and the calls whose caller gave up (deadline) before
 * the answer.
 */
public final class CountingNlpService extends NlpServiceGrpc.NlpServiceImplBase {

    private volatile int delayMillis;
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger mostInFlight = new AtomicInteger();
    private final AtomicInteger abandoned = new AtomicInteger();
    private Server server;

    CountingNlpService(int delayMillis) {
        this.delayMillis = delayMillis;
    }

    /** Changes how long each analysis from now on takes. */
    void delay(int millis) {
        this.delayMillis = millis;
    }

    void start(int port) throws IOException {
        server = ServerBuilder.forPort(port).addService(this).build().start();
    }

    /** Stops at once, cutting off calls in flight, as a crash would. */
    void crash() throws InterruptedException {
        server.shutdownNow();
        server.awaitTermination(10, TimeUnit.SECONDS);
    }

    public int calls() {
        return calls.get();
    }

    /** The most calls this service had in hand at the same time. */
    int mostInFlight() {
        return mostInFlight.get();
    }

    /** Calls whose caller cancelled them (its deadline passed) before the analysis was done. */
    int abandoned() {
        return abandoned.get();
    }

    @Override
    public void analyzeDocument(AnalyzeDocumentRequest request, StreamObserver<AnalyzeDocumentResponse> response) {
        calls.incrementAndGet();
        mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        // The analysis "takes" the delay, or ends as soon as the caller gives up on it.
        Context context = Context.current();
        CountDownLatch cancelled = new CountDownLatch(1);
        Context.CancellationListener onCancel = ignored -> cancelled.countDown();
        context.addListener(onCancel, Runnable::run);
        try {
            if (cancelled.await(delayMillis, TimeUnit.MILLISECONDS)) {
                abandoned.incrementAndGet();
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } finally {
            context.removeListener(onCancel);
            inFlight.decrementAndGet();
        }
        String text = request.getDocument().getContent();
        String firstWord = text.split("\\s+", 2)[0];
        int quoteEnd = Math.min(20, text.length());
        Analysis analysis = Analysis.newBuilder()
                .setCleanedText(text)
                .setLanguage("en")
                .addEntities(Entity.newBuilder().setId("e1").setName(firstWord).setType(Entity.Type.PERSON)
                        .setSalience(1)
                        .addMentions(Mention.newBuilder().setText(firstWord).setBegin(0).setEnd(firstWord.length())
                                .setKind(Mention.Kind.NAME)))
                .addQuotes(Quote.newBuilder().setText(text.substring(0, quoteEnd)).setBegin(0).setEnd(quoteEnd)
                        .setSpeakerEntityId("e1").setSpeaker(firstWord))
                .build();
        response.onNext(AnalyzeDocumentResponse.newBuilder().setAnalysis(analysis).build());
        response.onCompleted();
    }
}
