package newsroom.nlp.pipeline;

import java.util.List;
import java.util.Set;
import newsroom.nlp.quotes.Cue;
import newsroom.nlp.quotes.CueFinder;
import newsroom.nlp.quotes.QuoteContext;

/** Stage 7: what attributes each candidate: a speech verb, "according to", a colon, a signature ({@link CueFinder}). */
final class CueStage extends QuoteStage<List<Cue>> {

    private final CueFinder cues = new CueFinder();

    CueStage() {
        super("cues", Set.of(Layers.ATTRIBUTION_CANDIDATES), Layers.CUES);
    }

    @Override
    List<Cue> compute(QuoteContext context, DocumentLayers document) {
        return cues.find(context, document.get(Layers.ATTRIBUTION_CANDIDATES));
    }
}
