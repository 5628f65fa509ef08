package newsroom.nlp.pipeline;

import java.util.Set;
import newsroom.nlp.quotes.AttributionCandidates;

/** Stage 6: quotations and reported clauses that may be someone's words ({@link AttributionCandidates}). */
final class AttributionCandidateStage implements Stage {

    private final AttributionCandidates candidates = new AttributionCandidates();

    @Override
    public String name() {
        return "attribution candidates";
    }

    @Override
    public Set<Layer<?>> requires() {
        return Set.of(Layers.PARSE, Layers.QUOTATIONS, Layers.NAMED_ENTITIES);
    }

    @Override
    public Set<Layer<?>> provides() {
        return Set.of(Layers.ATTRIBUTION_CANDIDATES);
    }

    @Override
    public void run(DocumentLayers document) {
        document.set(Layers.ATTRIBUTION_CANDIDATES, candidates.find(QuoteStages.context(document)));
    }
}
