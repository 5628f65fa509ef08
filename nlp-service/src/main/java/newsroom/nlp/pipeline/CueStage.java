package newsroom.nlp.pipeline;

import java.util.Set;
import newsroom.nlp.quotes.CueFinder;

/** Stage 7: what attributes each candidate: a speech verb, "according to", a colon, a signature ({@link CueFinder}). */
final class CueStage implements Stage {

    private final CueFinder cues = new CueFinder();

    @Override
    public String name() {
        return "cues";
    }

    @Override
    public Set<Layer<?>> requires() {
        return Set.of(Layers.PARSE, Layers.QUOTATIONS, Layers.NAMED_ENTITIES, Layers.ATTRIBUTION_CANDIDATES);
    }

    @Override
    public Set<Layer<?>> provides() {
        return Set.of(Layers.CUES);
    }

    @Override
    public void run(DocumentLayers document) {
        document.set(Layers.CUES, cues.find(QuoteStages.context(document), document.get(Layers.ATTRIBUTION_CANDIDATES)));
    }
}
