package newsroom.nlp.pipeline;

import java.util.Set;
import newsroom.nlp.time.TemporalExpressionExtractor;
import newsroom.nlp.time.WeekdayTenseResolver;

/** Stage 12: SUTime's dates, resolved against the publication date; bare weekdays dated by the tense of their clause ({@link WeekdayTenseResolver}). */
final class DateStage implements Stage {

    private final TemporalExpressionExtractor extractor = new TemporalExpressionExtractor();
    private final WeekdayTenseResolver weekdays = new WeekdayTenseResolver();

    @Override
    public String name() {
        return "dates";
    }

    @Override
    public Set<Layer<?>> requires() {
        return Set.of(Layers.CORENLP, Layers.CLEANED_TEXT, Layers.PARSE, Layers.PUBLICATION_DATE);
    }

    @Override
    public Set<Layer<?>> provides() {
        return Set.of(Layers.DATES);
    }

    @Override
    public void run(DocumentLayers document) {
        document.set(Layers.DATES, weekdays.resolve(
                extractor.extract(document.get(Layers.CORENLP), document.get(Layers.CLEANED_TEXT)),
                document.get(Layers.PARSE).tokens(), document.get(Layers.PUBLICATION_DATE)));
    }
}
