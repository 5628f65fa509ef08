package newsroom.nlp.pipeline;

import newsroom.nlp.v1.Features;

/**
 * The parts of the analysis a request asked for: none asked means all;
 * quotes and entity sentiment need entities, events need entities and dates.
 */
public record FeatureSet(boolean entities, boolean quotes, boolean temporalExpressions, boolean keyPhrases,
        boolean sentiment, boolean entitySentiment, boolean events) {

    public static final FeatureSet ALL = new FeatureSet(true, true, true, true, true, true, true);

    public static FeatureSet of(Features f) {
        boolean all = !f.getExtractEntities() && !f.getExtractQuotes() && !f.getExtractTemporalExpressions()
                && !f.getExtractKeyPhrases() && !f.getExtractDocumentSentiment() && !f.getExtractEntitySentiment()
                && !f.getExtractEvents();
        return new FeatureSet(
                all || f.getExtractEntities() || f.getExtractQuotes() || f.getExtractEntitySentiment()
                        || f.getExtractEvents(),
                all || f.getExtractQuotes(),
                all || f.getExtractTemporalExpressions() || f.getExtractEvents(),
                all || f.getExtractKeyPhrases(),
                all || f.getExtractDocumentSentiment(),
                all || f.getExtractEntitySentiment(),
                all || f.getExtractEvents());
    }
}
