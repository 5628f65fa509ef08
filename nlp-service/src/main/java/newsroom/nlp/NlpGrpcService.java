package newsroom.nlp;

import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Uni;
import newsroom.nlp.v1.AnalyzeDocumentRequest;
import newsroom.nlp.v1.AnalyzeDocumentResponse;
import newsroom.nlp.v1.Analysis;
import newsroom.nlp.v1.NlpService;

@GrpcService
public class NlpGrpcService implements NlpService {
    @Override
    public Uni<AnalyzeDocumentResponse> analyzeDocument(AnalyzeDocumentRequest request) {
        return Uni.createFrom().item(AnalyzeDocumentResponse.newBuilder()
                .setAnalysis(Analysis.newBuilder().setCleanedText(request.getDocument().getContent())).build());
    }
}
