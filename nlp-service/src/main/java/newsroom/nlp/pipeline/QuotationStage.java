package newsroom.nlp.pipeline;

import java.util.List;
import java.util.Set;
import newsroom.nlp.text.QuoteFinder;
import newsroom.nlp.text.QuoteSpan;

/** Stage 3: the text between quotation marks ({@link QuoteFinder}), which later stages treat as someone's words. */
final class QuotationStage extends SingleLayerStage<List<QuoteSpan>> {

    private final QuoteFinder finder = new QuoteFinder();

    QuotationStage() {
        super("quotation marks", Set.of(Layers.CLEANED_TEXT), Layers.QUOTATIONS);
    }

    @Override
    List<QuoteSpan> compute(DocumentLayers document) {
        return finder.find(document.get(Layers.CLEANED_TEXT));
    }
}
