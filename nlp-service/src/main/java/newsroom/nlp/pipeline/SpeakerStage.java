package newsroom.nlp.pipeline;

import java.util.Set;
import newsroom.nlp.quotes.SpeakerFinder;

/** Stage 8: from each cue to the words naming the speaker, a verb's subject above all ({@link SpeakerFinder}). */
final class SpeakerStage implements Stage {

    private final SpeakerFinder speakers = new SpeakerFinder();

    @Override
    public String name() {
        return "speakers";
    }

    @Override
    public Set<Layer<?>> requires() {
        return Set.of(Layers.PARSE, Layers.QUOTATIONS, Layers.NAMED_ENTITIES, Layers.CUES);
    }

    @Override
    public Set<Layer<?>> provides() {
        return Set.of(Layers.SPEAKER_REFERENCES);
    }

    @Override
    public void run(DocumentLayers document) {
        document.set(Layers.SPEAKER_REFERENCES, speakers.find(QuoteStages.context(document), document.get(Layers.CUES)));
    }
}
