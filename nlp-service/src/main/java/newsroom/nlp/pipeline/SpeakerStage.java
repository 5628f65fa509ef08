package newsroom.nlp.pipeline;

import java.util.List;
import java.util.Set;
import newsroom.nlp.quotes.QuoteContext;
import newsroom.nlp.quotes.SpeakerFinder;
import newsroom.nlp.quotes.SpeakerReference;

/** Stage 8: from each cue to the words naming the speaker, a verb's subject above all ({@link SpeakerFinder}). */
final class SpeakerStage extends QuoteStage<List<SpeakerReference>> {

    private final SpeakerFinder speakers = new SpeakerFinder();

    SpeakerStage() {
        super("speakers", Set.of(Layers.CUES), Layers.SPEAKER_REFERENCES);
    }

    @Override
    List<SpeakerReference> compute(QuoteContext context, DocumentLayers document) {
        return speakers.find(context, document.get(Layers.CUES));
    }
}
