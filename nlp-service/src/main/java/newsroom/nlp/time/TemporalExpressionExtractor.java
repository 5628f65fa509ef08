package newsroom.nlp.time;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.time.TimeAnnotations;
import edu.stanford.nlp.time.Timex;
import edu.stanford.nlp.util.CoreMap;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Reads the date and time expressions SUTime found during NER. SUTime resolves
 * relative expressions ("yesterday", "on Wednesday") against the document date
 * the pipeline sets from the publication time.
 */
public final class TemporalExpressionExtractor {

    public List<TemporalExpression> extract(Annotation annotation, String text) {
        List<TemporalExpression> expressions = new ArrayList<>();
        List<CoreMap> mentions = annotation.get(CoreAnnotations.MentionsAnnotation.class);
        if (mentions == null) {
            return expressions;
        }
        for (CoreMap mention : mentions) {
            Timex timex = mention.get(TimeAnnotations.TimexAnnotation.class);
            if (timex == null) {
                continue;
            }
            String value = timex.value() != null ? timex.value() : timex.altVal();
            if (value == null) {
                continue;
            }
            int begin = mention.get(CoreAnnotations.CharacterOffsetBeginAnnotation.class);
            int end = mention.get(CoreAnnotations.CharacterOffsetEndAnnotation.class);
            expressions.add(new TemporalExpression(text.substring(begin, end), begin, end, value, timex.timexType()));
        }
        expressions.sort(Comparator.comparingInt(TemporalExpression::begin));
        return expressions;
    }
}
