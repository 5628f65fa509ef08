package newsroom.nlp.pipeline;

import java.util.Map;
import java.util.Set;
import newsroom.nlp.tone.EntitySentiment;
import newsroom.nlp.tone.Tone;

/** Stage 11: the tone of the sentences that mention each entity ({@link EntitySentiment}). */
final class EntityToneStage extends SingleLayerStage<Map<String, Tone>> {

    private final EntitySentiment tone = new EntitySentiment();

    EntityToneStage() {
        super("entity tone", Set.of(Layers.ENTITIES, Layers.PARSE), Layers.ENTITY_TONES);
    }

    @Override
    Map<String, Tone> compute(DocumentLayers document) {
        return tone.score(document.get(Layers.ENTITIES), document.get(Layers.PARSE).sentences());
    }
}
