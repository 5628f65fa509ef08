package newsroom.nlp.pipeline;

import java.util.Set;
import newsroom.nlp.phrases.KeyPhraseExtractor;

/** Stage 14: adjective* noun+ phrases ranked by frequency, position and length ({@link KeyPhraseExtractor}). */
final class KeyPhraseStage implements Stage {

    private final KeyPhraseExtractor extractor = new KeyPhraseExtractor();

    @Override
    public String name() {
        return "key phrases";
    }

    @Override
    public Set<Layer<?>> requires() {
        return Set.of(Layers.CLEANED_TEXT, Layers.PARSE);
    }

    @Override
    public Set<Layer<?>> provides() {
        return Set.of(Layers.KEY_PHRASES);
    }

    @Override
    public void run(DocumentLayers document) {
        document.set(Layers.KEY_PHRASES, extractor.extract(document.get(Layers.CLEANED_TEXT), document.get(Layers.PARSE).tokens()));
    }
}
