package newsroom.bench.nlp;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.util.CoreMap;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import newsroom.nlp.pipeline.CoreNlpPipeline;

/**
 * Checks that nlp-service's own fine-grained NER stage labels exactly as
 * CoreNLP's {@code ner.applyFineGrained} step: the first N BBC articles
 * through nlp-service's CoreNLP settings twice, once with CoreNLP's
 * fine-grained step (and its entity mentions), once as nlp-service runs
 * (fine-grained step off, Newsroom's stage after {@code ner}); counts tokens
 * whose NER label differs and entity mentions (span and type) found by only one.
 * With a PolNeAR split named, that split's articles are compared as well (the
 * quote stage reads the TITLE and NATIONALITY labels: where no label differs,
 * no quote can).
 *
 * <p>usage: FineGrainedNerCheck EVAL_DIR ARTICLES [POLNEAR_SPLIT]
 */
public final class FineGrainedNerCheck {

    public static void main(String[] args) throws Exception {
        List<String> articles = StockCoreNlpComparison.articles(args);
        StanfordCoreNLP coreNlp = StockCoreNlpComparison.stockPipeline();
        CoreNlpPipeline newsroom = CoreNlpPipeline.loadedNow();

        LocalDate date = LocalDate.of(2005, 1, 1);
        long tokens = 0;
        long labelDiffs = 0;
        long mentionsReference = 0;
        long mentionDiffs = 0;
        long fineReference = 0;
        long nsCoreNlp = 0;
        long nsNewsroom = 0;
        Map<String, Integer> diffKinds = new TreeMap<>();
        List<String> examples = new ArrayList<>();
        for (int a = 0; a < articles.size(); a++) {
            String text = articles.get(a);
            Annotation expected = new Annotation(text);
            expected.set(CoreAnnotations.DocDateAnnotation.class, date.toString());
            long t0 = System.nanoTime();
            coreNlp.annotate(expected);
            long t1 = System.nanoTime();
            Annotation actual = newsroom.annotate(text, date);
            long t2 = System.nanoTime();
            nsCoreNlp += t1 - t0;
            nsNewsroom += t2 - t1;
            List<CoreLabel> e = expected.get(CoreAnnotations.TokensAnnotation.class);
            List<CoreLabel> g = actual.get(CoreAnnotations.TokensAnnotation.class);
            if (e.size() != g.size()) {
                throw new IllegalStateException("article " + a + ": token counts differ " + e.size() + " / " + g.size());
            }
            for (int i = 0; i < e.size(); i++) {
                tokens++;
                String want = e.get(i).ner();
                String got = g.get(i).ner();
                if (!want.equals(e.get(i).get(CoreAnnotations.CoarseNamedEntityTagAnnotation.class))) {
                    fineReference++;
                }
                if (!want.equals(got)
                        || !want.equals(g.get(i).get(CoreAnnotations.FineGrainedNamedEntityTagAnnotation.class))) {
                    labelDiffs++;
                    diffKinds.merge(want + " -> " + got, 1, Integer::sum);
                    if (examples.size() < 40) {
                        examples.add("article " + a + " token " + i + " '" + e.get(i).word() + "' (" + context(e, i)
                                + "): CoreNLP " + want + ", Newsroom " + got);
                    }
                }
            }
            Set<String> want = mentions(expected);
            Set<String> got = mentions(actual);
            mentionsReference += want.size();
            for (String m : want) {
                if (!got.contains(m)) {
                    mentionDiffs++;
                    if (examples.size() < 60) {
                        examples.add("article " + a + ": mention only CoreNLP's " + m);
                    }
                }
            }
            for (String m : got) {
                if (!want.contains(m)) {
                    mentionDiffs++;
                    if (examples.size() < 60) {
                        examples.add("article " + a + ": mention only Newsroom's " + m);
                    }
                }
            }
        }
        examples.forEach(System.out::println);
        System.out.println("label differences by kind: " + diffKinds);
        System.out.printf("articles %d, tokens %d, tokens CoreNLP's fine-grained step relabelled %d%n", articles.size(), tokens,
                fineReference);
        System.out.printf("tokens whose NER label differs: %d; entity mentions (CoreNLP) %d, differing mentions %d%n",
                labelDiffs, mentionsReference, mentionDiffs);
        System.out.printf("wall time: CoreNLP tokenize..ner %.1f s; nlp-service's CoreNLP part (with depparse) %.1f s%n",
                nsCoreNlp / 1e9, nsNewsroom / 1e9);
    }

    private static String context(List<CoreLabel> tokens, int i) {
        StringBuilder s = new StringBuilder();
        for (int k = Math.max(0, i - 3); k < Math.min(tokens.size(), i + 4); k++) {
            s.append(k == i ? "[" + tokens.get(k).word() + "]" : tokens.get(k).word()).append(' ');
        }
        return s.toString().trim();
    }

    private static Set<String> mentions(Annotation annotation) {
        Set<String> mentions = new LinkedHashSet<>();
        List<CoreMap> list = annotation.get(CoreAnnotations.MentionsAnnotation.class);
        if (list != null) {
            for (CoreMap m : list) {
                mentions.add(m.get(CoreAnnotations.CharacterOffsetBeginAnnotation.class) + "-"
                        + m.get(CoreAnnotations.CharacterOffsetEndAnnotation.class) + " "
                        + m.get(CoreAnnotations.EntityTypeAnnotation.class) + " '"
                        + m.get(CoreAnnotations.TextAnnotation.class) + "'");
            }
        }
        return mentions;
    }
}
