package newsroom.nlp.pipeline;

import java.util.List;
import java.util.Set;
import newsroom.nlp.quotes.AttributedQuote;
import newsroom.nlp.quotes.QuoteContext;
import newsroom.nlp.quotes.SpeakerCoreference;

/** Stage 9: which entity each speaker reference is: names, "he", "the minister", "the company" ({@link SpeakerCoreference}). */
final class CoreferenceStage extends QuoteStage<List<AttributedQuote>> {

    private final SpeakerCoreference coreference = new SpeakerCoreference();

    CoreferenceStage() {
        super("coreference", Set.of(Layers.ATTRIBUTION_CANDIDATES, Layers.SPEAKER_REFERENCES), Layers.ATTRIBUTIONS);
    }

    @Override
    List<AttributedQuote> compute(QuoteContext context, DocumentLayers document) {
        return coreference.resolve(context,
                document.get(Layers.ATTRIBUTION_CANDIDATES), document.get(Layers.SPEAKER_REFERENCES));
    }
}
