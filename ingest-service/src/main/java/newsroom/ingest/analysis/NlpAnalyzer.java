package newsroom.ingest.analysis;

import com.google.protobuf.Timestamp;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.grpc.RegisterClientInterceptor;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import newsroom.ingest.IngestConfig;
import newsroom.nlp.v1.AnalyzeDocumentRequest;
import newsroom.nlp.v1.Analysis;
import newsroom.nlp.v1.Document;
import newsroom.nlp.v1.NlpServiceGrpc;

/**
 * Asks the NLP service to analyse an article's cleaned text. Intake cleaned
 * it once ({@code intake.ArticleIntake}); it is sent as PLAIN_TEXT marked
 * {@code already_cleaned}, so nlp-service analyses it as sent, does not clean
 * it again, and the analysis' offsets point into the stored {@code cleaned_text}.
 */
@ApplicationScoped
public class NlpAnalyzer {

    @GrpcClient("nlp")
    @RegisterClientInterceptor(NlpClientKey.class)
    NlpServiceGrpc.NlpServiceBlockingStub nlp;

    private final Duration deadline;

    public NlpAnalyzer(IngestConfig config) {
        this.deadline = config.nlpDeadline();
    }

    /** @throws io.grpc.StatusRuntimeException when the call fails or exceeds its deadline */
    public Analysis analyze(ClaimedArticle article) {
        AnalyzeDocumentRequest request = AnalyzeDocumentRequest.newBuilder()
                .setDocument(Document.newBuilder()
                        .setType(Document.Type.PLAIN_TEXT)
                        .setAlreadyCleaned(true)
                        .setContent(article.cleanedText())
                        .setLanguage(article.language()))
                .setPublicationTime(Timestamp.newBuilder()
                        .setSeconds(article.publishedAt().getEpochSecond())
                        .setNanos(article.publishedAt().getNano()))
                .build();
        return nlp.withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS)
                .analyzeDocument(request)
                .getAnalysis();
    }
}
