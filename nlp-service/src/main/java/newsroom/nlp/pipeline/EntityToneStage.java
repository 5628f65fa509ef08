package newsroom.nlp.pipeline;

import java.util.Set;
import newsroom.nlp.tone.EntitySentiment;

/** Stage 11: the tone of the sentences that mention each entity ({@link EntitySentiment}). */
final class EntityToneStage implements Stage {

    private final EntitySentiment tone = new EntitySentiment();

    @Override
    public String name() {
        return "entity tone";
    }

    @Override
    public Set<Layer<?>> requires() {
        return Set.of(Layers.ENTITIES, Layers.PARSE);
    }

    @Override
    public Set<Layer<?>> provides() {
        return Set.of(Layers.ENTITY_TONES);
    }

    @Override
    public void run(DocumentLayers document) {
        document.set(Layers.ENTITY_TONES, tone.score(document.get(Layers.ENTITIES), document.get(Layers.PARSE).sentences()));
    }
}
