package newsroom.nlp.pipeline;

import java.util.List;
import java.util.Set;
import newsroom.nlp.quotes.AttributionCandidate;
import newsroom.nlp.quotes.AttributionCandidates;
import newsroom.nlp.quotes.QuoteContext;

/** Stage 6: quotations and reported clauses that may be someone's words ({@link AttributionCandidates}). */
final class AttributionCandidateStage extends QuoteStage<List<AttributionCandidate>> {

    private final AttributionCandidates candidates = new AttributionCandidates();

    AttributionCandidateStage() {
        super("attribution candidates", Set.of(), Layers.ATTRIBUTION_CANDIDATES);
    }

    @Override
    List<AttributionCandidate> compute(QuoteContext context, DocumentLayers document) {
        return candidates.find(context);
    }
}
