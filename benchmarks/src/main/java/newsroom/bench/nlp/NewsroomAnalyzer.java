package newsroom.bench.nlp;

import newsroom.nlp.pipeline.CoreNlpPipeline;
import newsroom.nlp.pipeline.DocumentAnalyzer;
import newsroom.nlp.v1.AnalyzeDocumentRequest;
import newsroom.nlp.v1.Analysis;
import newsroom.nlp.v1.Document;

/** Newsroom's own analysis, exactly as nlp-service runs it, minus the gRPC transport. */
final class NewsroomAnalyzer implements TextAnalyzer {

    private final DocumentAnalyzer analyzer = new DocumentAnalyzer(CoreNlpPipeline.loadedNow(), Integer.MAX_VALUE);

    @Override
    public String name() {
        return "newsroom";
    }

    @Override
    public Analysis analyze(String text) {
        return analyzer.analyze(AnalyzeDocumentRequest.newBuilder()
                .setDocument(Document.newBuilder().setType(Document.Type.PLAIN_TEXT).setContent(text))
                .build());
    }
}
