package newsroom.e2e;

import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
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
 * crash test: loading CoreNLP would cost the test minutes and prove nothing
 * about ingest's durability. Each analysis takes {@code delayMillis} (so a
 * kill lands mid-analysis) and has exactly one entity, named by the text's
 * first word, with one mention, and one quote of the text's first 20
 * characters: so after the load every article must own exactly one mention
 * and one quote, whatever was retried.
 */
final class CountingNlpService extends NlpServiceGrpc.NlpServiceImplBase {

    private final int delayMillis;
    private final AtomicInteger calls = new AtomicInteger();
    private Server server;

    CountingNlpService(int delayMillis) {
        this.delayMillis = delayMillis;
    }

    void start(int port) throws IOException {
        server = ServerBuilder.forPort(port).addService(this).build().start();
    }

    /** Stops at once, cutting off calls in flight, as a crash would. */
    void crash() throws InterruptedException {
        server.shutdownNow();
        server.awaitTermination(10, TimeUnit.SECONDS);
    }

    int calls() {
        return calls.get();
    }

    @Override
    public void analyzeDocument(AnalyzeDocumentRequest request, StreamObserver<AnalyzeDocumentResponse> response) {
        calls.incrementAndGet();
        try {
            Thread.sleep(delayMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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
