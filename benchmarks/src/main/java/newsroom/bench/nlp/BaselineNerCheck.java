package newsroom.bench.nlp;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import newsroom.nlp.v1.Analysis;
import newsroom.nlp.v1.Mention;

/**
 * Shows that plain CoreNLP's NER output does not depend on the annotators
 * after {@code ner}: the same documents through
 * {@code tokenize,ssplit,pos,lemma,ner,depparse,coref,quote} and through
 * {@code tokenize,ssplit,pos,lemma,ner}, compared on what the CoNLL task
 * scores, the NAME mentions (span and entity type) of the Analysis. Run on the
 * shortest CoNLL documents of a file with at least 5 entity tokens
 * (the full pipeline is very slow on CoNLL text) and on the first BBC articles.
 *
 * <p>usage: BaselineNerCheck EVAL_DIR CONLL_FILE CONLL_DOCS BBC_ARTICLES
 */
public final class BaselineNerCheck {

    public static void main(String[] args) throws Exception {
        Path eval = Path.of(args[0]);
        List<ConllCorpus.Doc> docs = new ArrayList<>(ConllCorpus.read(eval.resolve("conll2003").resolve(args[1])));
        docs.removeIf(d -> d.sentences().stream().flatMap(List::stream).filter(t -> !t.tag().equals("O")).count() < 5);
        docs.sort(Comparator.comparingInt(d -> d.text().length()));
        List<ConllCorpus.Doc> conll = docs.subList(0, Math.min(Integer.parseInt(args[2]), docs.size()));
        List<String> bbc = SystemRun.bbcArticles(eval.resolve("bbc-news/bbc_news.jsonl"), Integer.parseInt(args[3]));

        int texts = 0;
        int mentions = 0;
        int differing = 0;
        for (boolean lines : new boolean[] {true, false}) {
            TextAnalyzer full = new PlainCoreNlpAnalyzer(PlainCoreNlpAnalyzer.FULL, lines);
            TextAnalyzer nerOnly = new PlainCoreNlpAnalyzer(PlainCoreNlpAnalyzer.NER_ONLY, lines);
            List<String> inputs = lines ? conll.stream().map(ConllCorpus.Doc::text).toList() : bbc;
            for (String text : inputs) {
                long start = System.nanoTime();
                Set<String> a = names(full.analyze(text));
                Set<String> b = names(nerOnly.analyze(text));
                texts++;
                mentions += a.size();
                Set<String> onlyA = new TreeSet<>(a);
                onlyA.removeAll(b);
                Set<String> onlyB = new TreeSet<>(b);
                onlyB.removeAll(a);
                differing += onlyA.size() + onlyB.size();
                System.out.printf("%s text of %d chars: %d name mentions, only with depparse,coref,quote %s,"
                        + " only without %s (%.0f s)%n", lines ? "CoNLL" : "BBC", text.length(), a.size(), onlyA, onlyB,
                        (System.nanoTime() - start) / 1e9);
            }
        }
        System.out.printf("texts %d, name mentions %d, mentions found by only one of the two pipelines: %d%n", texts,
                mentions, differing);
    }

    private static Set<String> names(Analysis analysis) {
        Set<String> names = new TreeSet<>();
        analysis.getEntitiesList().forEach(e -> e.getMentionsList().stream()
                .filter(m -> m.getKind() == Mention.Kind.NAME)
                .forEach(m -> names.add(m.getBegin() + "-" + m.getEnd() + " " + e.getType() + " " + m.getText())));
        return names;
    }
}
