package newsroom.nlp.pipeline;

import java.util.List;
import java.util.Set;
import newsroom.nlp.time.DocumentTimex;
import newsroom.nlp.time.TemporalExpressionExtractor;
import newsroom.nlp.time.WeekdayTenseResolver;

/** Stage 12: SUTime's dates, resolved against the publication date; bare weekdays dated by the tense of their clause ({@link WeekdayTenseResolver}). */
final class DateStage extends SingleLayerStage<List<DocumentTimex>> {

    private final TemporalExpressionExtractor extractor = new TemporalExpressionExtractor();
    private final WeekdayTenseResolver weekdays = new WeekdayTenseResolver();

    DateStage() {
        super("dates", Set.of(Layers.CORENLP, Layers.CLEANED_TEXT, Layers.PARSE, Layers.PUBLICATION_DATE), Layers.DATES);
    }

    @Override
    List<DocumentTimex> compute(DocumentLayers document) {
        return weekdays.resolve(
                extractor.extract(document.get(Layers.CORENLP), document.get(Layers.CLEANED_TEXT)),
                document.get(Layers.PARSE).tokens(), document.get(Layers.PUBLICATION_DATE));
    }
}
