package newsroom.nlp.pipeline;

import newsroom.nlp.quotes.QuoteContext;

/** What the four attribution stages share: the look-ups of one document, built from its layers. */
final class QuoteStages {

    private QuoteStages() {
    }

    static QuoteContext context(DocumentLayers document) {
        return new QuoteContext(document.get(Layers.PARSE), document.get(Layers.QUOTATIONS),
                document.get(Layers.NAMED_ENTITIES));
    }
}
