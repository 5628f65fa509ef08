package newsroom.nlp;

import io.grpc.Status;
import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import newsroom.grpcstatus.FailureStatuses;
import newsroom.nlp.pipeline.DocumentAnalyzer;
import newsroom.nlp.pipeline.InvalidDocumentException;
import newsroom.nlp.pipeline.ModelsLoadingException;
import newsroom.nlp.v1.AnalyzeDocumentRequest;
import newsroom.nlp.v1.AnalyzeDocumentResponse;
import newsroom.nlp.v1.NlpService;

/** The gRPC face of {@link DocumentAnalyzer}: maps requests in, and results and errors out. */
@GrpcService
public class NlpGrpcService implements NlpService {

    /** The analyzer's refusals; only these are caught below, so the rule for the rest is never reached. */
    private static final FailureStatuses STATUSES = FailureStatuses.builder()
            .refuse(InvalidDocumentException.class, Status.Code.INVALID_ARGUMENT)
            .refuse(ModelsLoadingException.class, Status.Code.UNAVAILABLE)
            .otherwise(failure -> Status.UNKNOWN.withCause(failure).asRuntimeException());

    @Inject
    DocumentAnalyzer analyzer;

    /** CoreNLP blocks for up to seconds per document: run on a worker thread, never the event loop. */
    @Override
    @Blocking
    public Uni<AnalyzeDocumentResponse> analyzeDocument(AnalyzeDocumentRequest request) {
        try {
            return Uni.createFrom().item(AnalyzeDocumentResponse.newBuilder().setAnalysis(analyzer.analyze(request)).build());
        } catch (InvalidDocumentException | ModelsLoadingException e) {
            return Uni.createFrom().failure(STATUSES.toStatus(e));
        }
    }
}
