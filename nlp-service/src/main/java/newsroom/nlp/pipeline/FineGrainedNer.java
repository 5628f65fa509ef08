package newsroom.nlp.pipeline;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.EntityMentionsAnnotator;
import edu.stanford.nlp.util.CoreMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import newsroom.nlp.ner.KbpGazetteer;

/**
 * The fine-grained NER stage run after CoreNLP's {@code ner} (which is
 * configured with {@code ner.applyFineGrained=false} and
 * {@code ner.buildEntityMentions=false}): relabels tokens from the KBP
 * gazetteers ({@link KbpGazetteer}), then builds the entity mentions from the
 * final labels with CoreNLP's own {@link EntityMentionsAnnotator}, exactly as
 * {@code ner} would have with its fine-grained step on.
 *
 * <p>CoreNLP runs that step over its "NER tokenization", where a word split at
 * a hyphen ("All - Star") is one token again unless the part after the hyphen
 * is one of a few words ("Chicago - based"); this stage joins the same tokens
 * so the same list entries match, and gives each part the joined token's label.
 */
final class FineGrainedNer {

    /** NERCombinerAnnotator.nerSpecificTokenizationExceptions. */
    private static final Set<String> NOT_JOINED = Set.of("based", "area", "registered", "headquartered", "native", "born",
            "raised", "backed", "controlled", "owned", "resident", "trained", "educated");

    private final KbpGazetteer gazetteer;
    private final EntityMentionsAnnotator mentions;

    FineGrainedNer(KbpGazetteer gazetteer) {
        this.gazetteer = gazetteer;
        Properties properties = new Properties();
        properties.setProperty("ner.entitymentions.language", "ENGLISH");
        this.mentions = new EntityMentionsAnnotator("ner.entitymentions", properties);
    }

    void annotate(Annotation annotation) {
        for (CoreMap sentence : annotation.get(CoreAnnotations.SentencesAnnotation.class)) {
            relabel(sentence.get(CoreAnnotations.TokensAnnotation.class));
        }
        for (CoreLabel token : annotation.get(CoreAnnotations.TokensAnnotation.class)) {
            token.set(CoreAnnotations.FineGrainedNamedEntityTagAnnotation.class, token.ner());
        }
        mentions.annotate(annotation);
    }

    private void relabel(List<CoreLabel> tokens) {
        // groups.get(g) = index of the first original token of joined token g
        List<Integer> groups = new ArrayList<>();
        List<StringBuilder> words = new ArrayList<>();
        String lastAfter = null;
        for (int t = 0; t < tokens.size(); t++) {
            CoreLabel token = tokens.get(t);
            boolean lastAfterEmpty = !words.isEmpty() && lastAfter != null && lastAfter.isEmpty();
            boolean join;
            if (lastAfterEmpty && token.word().equals("-")) {
                join = t + 1 < tokens.size() && !NOT_JOINED.contains(tokens.get(t + 1).word());
            } else {
                join = lastAfterEmpty && words.get(words.size() - 1).toString().endsWith("-")
                        && !NOT_JOINED.contains(token.word());
            }
            if (join) {
                words.get(words.size() - 1).append(token.word());
            } else {
                groups.add(t);
                words.add(new StringBuilder(token.word()));
            }
            lastAfter = token.after();
        }
        int n = groups.size();
        List<String> texts = new ArrayList<>(n);
        List<String> tags = new ArrayList<>(n);
        String[] ner = new String[n];
        for (int g = 0; g < n; g++) {
            CoreLabel first = tokens.get(groups.get(g));
            texts.add(words.get(g).toString());
            tags.add(first.tag());
            ner[g] = first.ner();
        }
        gazetteer.relabel(texts, tags, ner);
        for (int g = 0; g < n; g++) {
            int end = g + 1 < n ? groups.get(g + 1) : tokens.size();
            for (int t = groups.get(g); t < end; t++) {
                tokens.get(t).setNER(ner[g]);
            }
        }
    }
}
