package newsroom.nlp.pipeline;

import java.util.Optional;
import java.util.Set;
import newsroom.nlp.tone.LexiconSentiment;
import newsroom.nlp.tone.Tone;

/** Stage 15: the tone of the whole document, from a news lexicon with negation and intensifiers ({@link LexiconSentiment}). */
final class DocumentToneStage extends SingleLayerStage<Optional<Tone>> {

    private final LexiconSentiment sentiment = new LexiconSentiment();

    DocumentToneStage() {
        super("document tone", Set.of(Layers.PARSE), Layers.DOCUMENT_TONE);
    }

    @Override
    Optional<Tone> compute(DocumentLayers document) {
        return Optional.of(sentiment.score(document.get(Layers.PARSE).tokens()));
    }
}
