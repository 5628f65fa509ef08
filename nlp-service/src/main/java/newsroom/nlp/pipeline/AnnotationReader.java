package newsroom.nlp.pipeline;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.ling.IndexedWord;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.semgraph.SemanticGraph;
import edu.stanford.nlp.semgraph.SemanticGraphCoreAnnotations;
import edu.stanford.nlp.semgraph.SemanticGraphEdge;
import edu.stanford.nlp.util.CoreMap;
import java.util.ArrayList;
import java.util.List;
import newsroom.nlp.entities.EntityType;
import newsroom.nlp.entities.NameMention;
import newsroom.nlp.text.Dependency;
import newsroom.nlp.text.ParsedText;
import newsroom.nlp.text.Sentence;
import newsroom.nlp.text.Token;

/**
 * Reads a CoreNLP annotation into the plain records the Newsroom stages work
 * on, so that only this class and the temporal stage know CoreNLP's types.
 * All offsets are CoreNLP character offsets, which are Java String indices
 * into the analysed text.
 */
final class AnnotationReader {

    private final Annotation annotation;
    private final String text;
    private final List<List<CoreLabel>> sentenceTokens = new ArrayList<>();

    AnnotationReader(Annotation annotation, String text) {
        this.annotation = annotation;
        this.text = text;
        for (CoreMap sentence : annotation.get(CoreAnnotations.SentencesAnnotation.class)) {
            sentenceTokens.add(sentence.get(CoreAnnotations.TokensAnnotation.class));
        }
    }

    ParsedText parsedText() {
        List<Sentence> sentences = new ArrayList<>();
        List<CoreMap> coreSentences = annotation.get(CoreAnnotations.SentencesAnnotation.class);
        int offset = 0;
        for (int s = 0; s < coreSentences.size(); s++) {
            List<Token> tokens = new ArrayList<>();
            for (CoreLabel label : sentenceTokens.get(s)) {
                tokens.add(new Token(offset + tokens.size(), s, label.word(), label.lemma(), label.tag(),
                        label.ner() == null ? "O" : label.ner(), label.beginPosition(), label.endPosition()));
            }
            List<Dependency> dependencies = new ArrayList<>();
            SemanticGraph graph = coreSentences.get(s).get(SemanticGraphCoreAnnotations.BasicDependenciesAnnotation.class);
            if (graph != null) {
                for (IndexedWord root : graph.getRoots()) {
                    dependencies.add(new Dependency(-1, offset + root.index() - 1, "root"));
                }
                for (SemanticGraphEdge edge : graph.edgeIterable()) {
                    dependencies.add(new Dependency(offset + edge.getGovernor().index() - 1,
                            offset + edge.getDependent().index() - 1, edge.getRelation().toString()));
                }
            }
            if (!tokens.isEmpty()) {
                sentences.add(new Sentence(sentences.size(), tokens, dependencies));
            }
            offset += tokens.size();
        }
        return new ParsedText(text, sentences);
    }

    /** Proper names found by NER, without its pronoun mentions ("his" tagged PERSON). */
    List<NameMention> names() {
        List<NameMention> names = new ArrayList<>();
        List<CoreMap> mentions = annotation.get(CoreAnnotations.MentionsAnnotation.class);
        if (mentions == null) {
            return names;
        }
        for (CoreMap mention : mentions) {
            List<CoreLabel> tokens = mention.get(CoreAnnotations.TokensAnnotation.class);
            String tag = mention.get(CoreAnnotations.EntityTypeAnnotation.class);
            if (tag == null || tokens == null || tokens.isEmpty() || tokens.get(0).tag().startsWith("PRP")) {
                continue;
            }
            EntityType.fromNerTag(tag).ifPresent(type -> {
                int begin = mention.get(CoreAnnotations.CharacterOffsetBeginAnnotation.class);
                int end = mention.get(CoreAnnotations.CharacterOffsetEndAnnotation.class);
                names.add(new NameMention(text.substring(begin, end), begin, end, type));
            });
        }
        return names;
    }
}
