package newsroom.nlp.pipeline;

import java.util.List;
import java.util.Set;
import newsroom.nlp.phrases.KeyPhraseExtractor;
import newsroom.nlp.phrases.ScoredPhrase;

/** Stage 14: adjective* noun+ phrases ranked by frequency, position and length ({@link KeyPhraseExtractor}). */
final class KeyPhraseStage extends SingleLayerStage<List<ScoredPhrase>> {

    private final KeyPhraseExtractor extractor = new KeyPhraseExtractor();

    KeyPhraseStage() {
        super("key phrases", Set.of(Layers.CLEANED_TEXT, Layers.PARSE), Layers.KEY_PHRASES);
    }

    @Override
    List<ScoredPhrase> compute(DocumentLayers document) {
        return extractor.extract(document.get(Layers.CLEANED_TEXT), document.get(Layers.PARSE).tokens());
    }
}
