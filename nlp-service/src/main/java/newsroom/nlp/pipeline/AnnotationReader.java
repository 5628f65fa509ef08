package newsroom.nlp.pipeline;

import edu.stanford.nlp.coref.CorefCoreAnnotations;
import edu.stanford.nlp.coref.data.CorefChain;
import edu.stanford.nlp.coref.data.Dictionaries;
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
import java.util.Set;
import newsroom.nlp.entities.ChainMention;
import newsroom.nlp.entities.EntityType;
import newsroom.nlp.entities.MentionKind;
import newsroom.nlp.entities.NameMention;
import newsroom.nlp.quotes.QuoteSpan;
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

    private static final Set<String> QUOTE_MARKS = Set.of("\"", "\u201c", "\u201d", "\u201e", "\u00ab", "\u00bb",
            "\u2018", "\u2019", "`", "'");

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

    /** The coreference chains, lists ("Pakistan and Russia") left out. */
    List<List<ChainMention>> corefChains() {
        List<List<ChainMention>> chains = new ArrayList<>();
        var corefChains = annotation.get(CorefCoreAnnotations.CorefChainAnnotation.class);
        if (corefChains == null) {
            return chains;
        }
        for (CorefChain chain : corefChains.values()) {
            List<ChainMention> mentions = new ArrayList<>();
            for (CorefChain.CorefMention m : chain.getMentionsInTextualOrder()) {
                MentionKind kind = switch (m.mentionType) {
                    case PROPER -> MentionKind.NAME;
                    case NOMINAL -> MentionKind.NOMINAL;
                    case PRONOMINAL -> MentionKind.PRONOMINAL;
                    default -> null;
                };
                if (kind == null) {
                    continue;
                }
                List<CoreLabel> tokens = sentenceTokens.get(m.sentNum - 1);
                int begin = tokens.get(m.startIndex - 1).beginPosition();
                int end = tokens.get(m.endIndex - 2).endPosition();
                mentions.add(new ChainMention(text.substring(begin, end), begin, end, kind,
                        m.animacy != Dictionaries.Animacy.INANIMATE));
            }
            chains.add(mentions);
        }
        return chains;
    }

    /** Top-level direct quotes, split into their marks and the quoted words. */
    List<QuoteSpan> quotes() {
        List<QuoteSpan> spans = new ArrayList<>();
        List<CoreMap> quotes = annotation.get(CoreAnnotations.QuotationsAnnotation.class);
        if (quotes == null) {
            return spans;
        }
        for (CoreMap quote : quotes) {
            int outerBegin = quote.get(CoreAnnotations.CharacterOffsetBeginAnnotation.class);
            int outerEnd = quote.get(CoreAnnotations.CharacterOffsetEndAnnotation.class);
            int begin = outerBegin;
            while (begin < outerEnd && begin - outerBegin < 2 && QUOTE_MARKS.contains(text.substring(begin, begin + 1))) {
                begin++;
            }
            int end = outerEnd;
            while (end > begin && outerEnd - end < 2 && QUOTE_MARKS.contains(text.substring(end - 1, end))) {
                end--;
            }
            if (end > begin) {
                spans.add(new QuoteSpan(outerBegin, begin, end, outerEnd));
            }
        }
        spans.sort(java.util.Comparator.comparingInt(QuoteSpan::begin));
        return spans;
    }
}
