package newsroom.bench.nlp;

import com.google.gson.Gson;
import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.semgraph.SemanticGraph;
import edu.stanford.nlp.semgraph.SemanticGraphCoreAnnotations;
import edu.stanford.nlp.semgraph.SemanticGraphEdge;
import edu.stanford.nlp.util.CoreMap;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import newsroom.cleaning.ArticleCleaner;
import newsroom.cleaning.ContentKind;

/** Tuning aid: dumps the cached CoreNLP parse of PolNeAR articles as JSON lines (train/dev only). */
public final class ParseDump {
    private static final Pattern DATE_IN_NAME = Pattern.compile("_(\\d{4}-\\d{2}-\\d{2})_");

    public static void main(String[] args) throws Exception {
        Path split = Path.of(args[0]);
        Path out = Path.of(args[1]);
        CachedCoreNlpPipeline pipeline = new CachedCoreNlpPipeline(Path.of("/tmp/quotes-cache"), true);
        ArticleCleaner cleaner = new ArticleCleaner();
        List<Path> texts;
        try (Stream<Path> files = Files.list(split.resolve("text"))) {
            texts = files.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        StringBuilder lines = new StringBuilder();
        for (Path text : texts) {
            String name = text.getFileName().toString();
            String stem = name.substring(0, name.length() - 4);
            Matcher date = DATE_IN_NAME.matcher(stem);
            LocalDate published = date.find() ? LocalDate.parse(date.group(1)) : LocalDate.of(2016, 1, 1);
            String cleaned = cleaner.clean(Files.readString(text, StandardCharsets.UTF_8), ContentKind.PLAIN_TEXT);
            Annotation annotation;
            try {
                annotation = pipeline.annotate(cleaned, published);
            } catch (CachedCoreNlpPipeline.NotCachedException e) {
                continue;
            }
            List<List<Object>> tokens = new ArrayList<>();
            int offset = 0;
            int s = 0;
            for (CoreMap sentence : annotation.get(CoreAnnotations.SentencesAnnotation.class)) {
                List<CoreLabel> labels = sentence.get(CoreAnnotations.TokensAnnotation.class);
                int[] heads = new int[labels.size()];
                String[] rels = new String[labels.size()];
                java.util.Arrays.fill(heads, -1);
                java.util.Arrays.fill(rels, "root");
                SemanticGraph graph = sentence.get(SemanticGraphCoreAnnotations.BasicDependenciesAnnotation.class);
                if (graph != null) {
                    for (SemanticGraphEdge edge : graph.edgeIterable()) {
                        heads[edge.getDependent().index() - 1] = offset + edge.getGovernor().index() - 1;
                        rels[edge.getDependent().index() - 1] = edge.getRelation().toString();
                    }
                }
                for (int i = 0; i < labels.size(); i++) {
                    CoreLabel l = labels.get(i);
                    tokens.add(List.of(l.beginPosition(), l.endPosition(), l.word(), l.lemma(), l.tag(),
                            l.ner() == null ? "O" : l.ner(), heads[i], rels[i], s));
                }
                offset += labels.size();
                s++;
            }
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("stem", stem);
            doc.put("cleaned", cleaned);
            doc.put("tokens", tokens);
            lines.append(new Gson().toJson(doc)).append('\n');
        }
        Files.writeString(out, lines.toString());
    }
}
