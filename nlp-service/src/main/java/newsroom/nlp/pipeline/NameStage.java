package newsroom.nlp.pipeline;

import newsroom.nlp.entities.SurnameMentions;
import java.util.Set;

/** Stage 4: NER's names plus the surname-only mentions it missed ({@link SurnameMentions}). */
final class NameStage implements Stage {

    private final SurnameMentions surnames = new SurnameMentions();

    @Override
    public String name() {
        return "names";
    }

    @Override
    public Set<Layer<?>> requires() {
        return Set.of(Layers.NER_NAMES, Layers.PARSE);
    }

    @Override
    public Set<Layer<?>> provides() {
        return Set.of(Layers.NAMES);
    }

    @Override
    public void run(DocumentLayers document) {
        document.set(Layers.NAMES, surnames.addTo(document.get(Layers.NER_NAMES), document.get(Layers.PARSE).tokens()));
    }
}
