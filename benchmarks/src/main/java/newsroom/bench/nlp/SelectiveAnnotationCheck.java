package newsroom.bench.nlp;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.util.CoreMap;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import newsroom.nlp.pipeline.CoreNlpPipeline;
import newsroom.nlp.time.DocumentTimex;
import newsroom.nlp.time.TemporalExpressionExtractor;

/**
 * Checks that running SUTime only in sentences that can hold a date
 * ({@code TemporalWords}) finds every date SUTime finds when run on every
 * sentence, and changes no name: the same texts through CoreNLP's own
 * {@code tokenize,ssplit,pos,lemma,ner} with nlp-service's settings (SUTime
 * and the fine-grained step in every sentence) and through nlp-service's
 * {@code CoreNlpPipeline}; compares the resolved temporal expressions (text,
 * offsets, value, type) and the entity mentions of every type but the
 * numeric and temporal ones.
 *
 * <p>usage: SelectiveAnnotationCheck EVAL_DIR ARTICLES [POLNEAR_SPLIT]
 */
public final class SelectiveAnnotationCheck {

    private static final Set<String> NUMERIC = Set.of("DATE", "TIME", "DURATION", "SET", "NUMBER", "ORDINAL", "MONEY",
            "PERCENT");

    public static void main(String[] args) throws Exception {
        List<String> articles = StockCoreNlpComparison.articles(args);
        StanfordCoreNLP coreNlp = StockCoreNlpComparison.stockPipeline();
        CoreNlpPipeline newsroom = CoreNlpPipeline.loadedNow();
        TemporalExpressionExtractor dates = new TemporalExpressionExtractor();
        LocalDate date = LocalDate.of(2016, 6, 15);
        long expectedDates = 0;
        long missingDates = 0;
        long extraDates = 0;
        long expectedNames = 0;
        long nameDiffs = 0;
        List<String> examples = new ArrayList<>();
        for (String text : articles) {
            Annotation expected = new Annotation(text);
            expected.set(CoreAnnotations.DocDateAnnotation.class, date.toString());
            coreNlp.annotate(expected);
            Annotation actual = newsroom.annotate(text, date);
            Set<DocumentTimex> e = new LinkedHashSet<>(dates.extract(expected, text));
            Set<DocumentTimex> a = new LinkedHashSet<>(dates.extract(actual, text));
            expectedDates += e.size();
            for (DocumentTimex t : e) {
                if (!a.contains(t)) {
                    missingDates++;
                    examples.add("missing date " + t);
                }
            }
            for (DocumentTimex t : a) {
                if (!e.contains(t)) {
                    extraDates++;
                    examples.add("extra date " + t);
                }
            }
            Set<String> en = names(expected);
            Set<String> an = names(actual);
            expectedNames += en.size();
            for (String m : en) {
                if (!an.contains(m)) {
                    nameDiffs++;
                    examples.add("name only with SUTime everywhere: " + m + " " + excerpt(text, m));
                }
            }
            for (String m : an) {
                if (!en.contains(m)) {
                    nameDiffs++;
                    examples.add("name only as served: " + m + " " + excerpt(text, m));
                }
            }
        }
        System.out.printf("%d texts: %d dates with SUTime in every sentence; %d of them missing, %d extra; "
                + "%d name mentions, %d differ%n", articles.size(), expectedDates, missingDates, extraDates, expectedNames,
                nameDiffs);
        examples.forEach(System.out::println);
    }

    private static String excerpt(String text, String mention) {
        String[] span = mention.split("[- ]");
        return "\"" + text.substring(Integer.parseInt(span[0]), Integer.parseInt(span[1])) + "\"";
    }

    /** Entity mentions of name types, as "begin-end TYPE". */
    private static Set<String> names(Annotation annotation) {
        Set<String> names = new LinkedHashSet<>();
        for (CoreMap m : annotation.get(CoreAnnotations.MentionsAnnotation.class)) {
            String type = m.get(CoreAnnotations.EntityTypeAnnotation.class);
            if (!NUMERIC.contains(type)) {
                names.add(m.get(CoreAnnotations.CharacterOffsetBeginAnnotation.class) + "-"
                        + m.get(CoreAnnotations.CharacterOffsetEndAnnotation.class) + " " + type);
            }
        }
        return names;
    }
}
