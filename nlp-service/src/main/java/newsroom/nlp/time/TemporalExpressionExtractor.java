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

    public List<DocumentTimex> extract(Annotation annotation, String text) {
        List<DocumentTimex> expressions = new ArrayList<>();
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
            // SUTime types every expression with one of its TimexType's four names, which ours share.
            expressions.add(new DocumentTimex(text.substring(begin, end), begin, end, value,
                    TimexType.valueOf(timex.timexType())));
        }
        expressions.sort(Comparator.comparingInt(DocumentTimex::begin));
        return expressions;
    }
}
