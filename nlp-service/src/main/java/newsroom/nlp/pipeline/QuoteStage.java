package newsroom.nlp.pipeline;

import java.util.HashSet;
import java.util.Set;
import newsroom.nlp.quotes.QuoteContext;

/**
 * An attribution stage (6 to 9): it looks things up in one document's
 * {@link QuoteContext}, built from the parse, the quotations and the named
 * entities, so it requires those layers besides its own.
 *
 * @param <T> the type of the provided layer's value
 */
abstract class QuoteStage<T> extends SingleLayerStage<T> {

    private static final Set<Layer<?>> CONTEXT_LAYERS = Set.of(Layers.PARSE, Layers.QUOTATIONS, Layers.NAMED_ENTITIES);

    QuoteStage(String name, Set<Layer<?>> alsoRequires, Layer<T> provided) {
        super(name, withContextLayers(alsoRequires), provided);
    }

    private static Set<Layer<?>> withContextLayers(Set<Layer<?>> alsoRequires) {
        Set<Layer<?>> requires = new HashSet<>(CONTEXT_LAYERS);
        requires.addAll(alsoRequires);
        return requires;
    }

    @Override
    final T compute(DocumentLayers document) {
        return compute(new QuoteContext(document.get(Layers.PARSE), document.get(Layers.QUOTATIONS),
                document.get(Layers.NAMED_ENTITIES)), document);
    }

    /** The provided layer's value, from the document's quote context and the stage's own required layers. */
    abstract T compute(QuoteContext context, DocumentLayers document);
}
