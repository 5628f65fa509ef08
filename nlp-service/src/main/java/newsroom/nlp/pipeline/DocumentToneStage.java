package newsroom.nlp.pipeline;

import java.util.Optional;
import java.util.Set;
import newsroom.nlp.tone.LexiconSentiment;

/** Stage 15: the tone of the whole document, from a news lexicon with negation and intensifiers ({@link LexiconSentiment}). */
final class DocumentToneStage implements Stage {

    private final LexiconSentiment sentiment = new LexiconSentiment();

    @Override
    public String name() {
        return "document tone";
    }

    @Override
    public Set<Layer<?>> requires() {
        return Set.of(Layers.PARSE);
    }

    @Override
    public Set<Layer<?>> provides() {
        return Set.of(Layers.DOCUMENT_TONE);
    }

    @Override
    public void run(DocumentLayers document) {
        document.set(Layers.DOCUMENT_TONE, Optional.of(sentiment.score(document.get(Layers.PARSE).tokens())));
    }
}
