package newsroom.bench.nlp;

import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import newsroom.nlp.pipeline.CoreNlpPipeline;

/**
 * What the checks that hold Newsroom's CoreNLP pipeline to CoreNLP's stock one
 * ({@link FineGrainedNerCheck}, {@link SelectiveAnnotationCheck}) share: the
 * articles they compare on, read from their arguments
 * {@code EVAL_DIR ARTICLES [POLNEAR_SPLIT]}, and the stock pipeline.
 */
final class StockCoreNlpComparison {

    private StockCoreNlpComparison() {
    }

    /** The first ARTICLES BBC articles, then every text of the PolNeAR split if one is named. */
    static List<String> articles(String[] args) throws IOException {
        Path eval = Path.of(args.length > 0 ? args[0] : "../shared/eval");
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        List<String> articles = new ArrayList<>(SystemRun.bbcArticles(eval.resolve("bbc-news/bbc_news.jsonl"), n));
        if (args.length > 2) {
            try (var files = Files.list(eval.resolve("polnear").resolve(args[2]).resolve("text"))) {
                for (Path text : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
                    articles.add(Files.readString(text));
                }
            }
        }
        return articles;
    }

    /** CoreNLP's own annotators up to NER, with its default fine-grained step and entity mentions. */
    static StanfordCoreNLP stockPipeline() {
        Properties reference = CoreNlpPipeline.properties();
        reference.setProperty("annotators", "tokenize,ssplit,pos,lemma,ner");
        reference.remove("ner.applyFineGrained");
        reference.remove("ner.buildEntityMentions");
        return new StanfordCoreNLP(reference);
    }
}
