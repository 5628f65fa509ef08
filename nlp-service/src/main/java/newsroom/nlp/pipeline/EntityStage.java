package newsroom.nlp.pipeline;

import java.util.Set;
import newsroom.nlp.entities.EntityBuilder;

/** Stage 5: names grouped into one entity per real-world person, organization or place, ranked by salience ({@link EntityBuilder}). */
final class EntityStage implements Stage {

    private final EntityBuilder builder = new EntityBuilder();

    @Override
    public String name() {
        return "entities";
    }

    @Override
    public Set<Layer<?>> requires() {
        return Set.of(Layers.NAMES, Layers.CLEANED_TEXT);
    }

    @Override
    public Set<Layer<?>> provides() {
        return Set.of(Layers.NAMED_ENTITIES);
    }

    @Override
    public void run(DocumentLayers document) {
        document.set(Layers.NAMED_ENTITIES,
                builder.build(document.get(Layers.NAMES), document.get(Layers.CLEANED_TEXT).length()));
    }
}
