package newsroom.nlp.pipeline;

import java.util.List;
import java.util.Set;
import newsroom.nlp.entities.DocumentEntity;
import newsroom.nlp.entities.EntityBuilder;

/** Stage 5: names grouped into one entity per real-world person, organization or place, ranked by salience ({@link EntityBuilder}). */
final class EntityStage extends SingleLayerStage<List<DocumentEntity>> {

    private final EntityBuilder builder = new EntityBuilder();

    EntityStage() {
        super("entities", Set.of(Layers.NAMES, Layers.CLEANED_TEXT), Layers.NAMED_ENTITIES);
    }

    @Override
    List<DocumentEntity> compute(DocumentLayers document) {
        return builder.build(document.get(Layers.NAMES), document.get(Layers.CLEANED_TEXT).length());
    }
}
