package newsroom.nlp.pipeline;

import java.util.Set;
import newsroom.nlp.quotes.SpeakerCoreference;

/** Stage 9: which entity each speaker reference is: names, "he", "the minister", "the company" ({@link SpeakerCoreference}). */
final class CoreferenceStage implements Stage {

    private final SpeakerCoreference coreference = new SpeakerCoreference();

    @Override
    public String name() {
        return "coreference";
    }

    @Override
    public Set<Layer<?>> requires() {
        return Set.of(Layers.PARSE, Layers.QUOTATIONS, Layers.NAMED_ENTITIES, Layers.ATTRIBUTION_CANDIDATES, Layers.SPEAKER_REFERENCES);
    }

    @Override
    public Set<Layer<?>> provides() {
        return Set.of(Layers.ATTRIBUTIONS);
    }

    @Override
    public void run(DocumentLayers document) {
        document.set(Layers.ATTRIBUTIONS, coreference.resolve(QuoteStages.context(document),
                document.get(Layers.ATTRIBUTION_CANDIDATES), document.get(Layers.SPEAKER_REFERENCES)));
    }
}
