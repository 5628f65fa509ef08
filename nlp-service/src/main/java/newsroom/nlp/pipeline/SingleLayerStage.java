package newsroom.nlp.pipeline;

import java.util.Set;

/**
 * A stage that writes one layer, as every stage but CoreNLP's does: it states
 * its name, the layers it requires and the layer it provides once, when it is
 * built, and computes the provided layer's value from a document.
 *
 * @param <T> the type of the provided layer's value
 */
abstract class SingleLayerStage<T> implements Stage {

    private final String name;
    private final Set<Layer<?>> requires;
    private final Layer<T> provided;
    private final Set<Layer<?>> provides;

    SingleLayerStage(String name, Set<Layer<?>> requires, Layer<T> provided) {
        this.name = name;
        this.requires = Set.copyOf(requires);
        this.provided = provided;
        this.provides = Set.of(provided);
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Set<Layer<?>> requires() {
        return requires;
    }

    @Override
    public final Set<Layer<?>> provides() {
        return provides;
    }

    @Override
    public final void run(DocumentLayers document) {
        document.set(provided, compute(document));
    }

    /** The provided layer's value, read from the required layers of the document. */
    abstract T compute(DocumentLayers document);
}
