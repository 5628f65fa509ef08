package newsroom.bench.nlp;

import edu.stanford.nlp.coref.CorefCoreAnnotations;
import edu.stanford.nlp.coref.data.CorefChain;
import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.QuoteAttributionAnnotator;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.util.CoreMap;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import newsroom.nlp.v1.Analysis;
import newsroom.nlp.v1.Entity;
import newsroom.nlp.v1.Mention;
import newsroom.nlp.v1.Quote;

/**
 * The baseline: plain CoreNLP 4.5.10 with its default settings and the
 * annotators {@code tokenize,ssplit,pos,lemma,ner,depparse,coref,quote}, its
 * output written as the same Analysis contract so one scorer measures both.
 *
 * <p>The conversion adds no intelligence of its own: an entity is one
 * coreference chain and one NER type (NER mentions outside any chain stand
 * alone, grouped by their text); its NAME mentions are CoreNLP's NER entity
 * mentions, its NOMINAL and PRONOMINAL mentions those of the chain. A quote's
 * speaker is CoreNLP's canonical speaker mention (else its speaker mention),
 * and its entity the one holding a mention at that place.
 */
final class PlainCoreNlpAnalyzer implements TextAnalyzer {

    static final String FULL = "tokenize,ssplit,pos,lemma,ner,depparse,coref,quote";
    static final String NER_ONLY = "tokenize,ssplit,pos,lemma,ner";

    private final StanfordCoreNLP pipeline;

    PlainCoreNlpAnalyzer() {
        this(false);
    }

    /**
     * {@code oneSentencePerLine}, for the CoNLL documents alone: the annotators
     * {@code tokenize,ssplit,pos,lemma,ner} with CoreNLP's default splitter. The
     * lines are the gold sentences, many without final punctuation (headlines,
     * sports tables); the default splitter runs them into sentences of hundreds
     * of tokens, on which depparse and coref did not finish one document in 27
     * minutes. The CoNLL task scores only NER's name mentions, which CoreNLP's
     * {@code ner} sets and {@code depparse}, {@code coref} and {@code quote} leave
     * as they are ({@link BaselineNerCheck} shows it), so the full pipeline's
     * NER figures are these, in minutes instead of hours, with every setting at
     * its default (an earlier version also set {@code ssplit.eolonly}, which
     * moved the baseline's MISC F1 away from the default pipeline's). The
     * annotators are CoreNLP's pooled ones, loaded once.
     */
    private PlainCoreNlpAnalyzer(boolean oneSentencePerLine) {
        this(oneSentencePerLine ? NER_ONLY : FULL, false);
    }

    PlainCoreNlpAnalyzer(String annotators, boolean oneSentencePerLine) {
        Properties properties = new Properties();
        properties.setProperty("annotators", annotators);
        if (oneSentencePerLine) {
            properties.setProperty("ssplit.eolonly", "true");
        }
        pipeline = new StanfordCoreNLP(properties);
    }

    @Override
    public TextAnalyzer forOneSentencePerLine() {
        return new PlainCoreNlpAnalyzer(true);
    }

    @Override
    public String name() {
        return "corenlp";
    }

    @Override
    public Analysis analyze(String text) {
        Annotation annotation = new Annotation(text);
        pipeline.annotate(annotation);
        List<CoreLabel> tokens = annotation.get(CoreAnnotations.TokensAnnotation.class);
        List<CoreMap> sentences = annotation.get(CoreAnnotations.SentencesAnnotation.class);

        // Chain spans, to find the chain of each NER mention.
        List<int[]> chainSpans = new ArrayList<>(); // {begin, end, chainId, kind}
        Map<Integer, CorefChain> chains = annotation.get(CorefCoreAnnotations.CorefChainAnnotation.class);
        if (chains != null) {
            for (CorefChain chain : chains.values()) {
                for (CorefChain.CorefMention m : chain.getMentionsInTextualOrder()) {
                    List<CoreLabel> st = sentences.get(m.sentNum - 1).get(CoreAnnotations.TokensAnnotation.class);
                    int kind = switch (m.mentionType) {
                        case PROPER -> Mention.Kind.NAME_VALUE;
                        case NOMINAL -> Mention.Kind.NOMINAL_VALUE;
                        case PRONOMINAL -> Mention.Kind.PRONOMINAL_VALUE;
                        default -> 0;
                    };
                    chainSpans.add(new int[] {st.get(m.startIndex - 1).beginPosition(),
                            st.get(m.endIndex - 2).endPosition(), chain.getChainID(), kind});
                }
            }
        }

        Map<String, EntityDraft> drafts = new LinkedHashMap<>();
        Map<Integer, String> chainKey = new LinkedHashMap<>();
        List<CoreMap> mentions = annotation.get(CoreAnnotations.MentionsAnnotation.class);
        for (CoreMap mention : mentions == null ? List.<CoreMap>of() : mentions) {
            Entity.Type type = typeOf(mention.get(CoreAnnotations.EntityTypeAnnotation.class));
            if (type == null) {
                continue;
            }
            int begin = mention.get(CoreAnnotations.CharacterOffsetBeginAnnotation.class);
            int end = mention.get(CoreAnnotations.CharacterOffsetEndAnnotation.class);
            List<CoreLabel> mentionTokens = mention.get(CoreAnnotations.TokensAnnotation.class);
            boolean pronoun = !mentionTokens.isEmpty() && mentionTokens.get(0).tag().startsWith("PRP");
            Integer chain = chainContaining(chainSpans, begin, end);
            String key = (chain != null ? "c" + chain : "t" + text.substring(begin, end)) + "/" + type;
            EntityDraft draft = drafts.computeIfAbsent(key, k -> new EntityDraft(type));
            draft.add(text.substring(begin, end), begin, end, pronoun ? Mention.Kind.PRONOMINAL : Mention.Kind.NAME);
            if (chain != null) {
                chainKey.putIfAbsent(chain, key);
            }
        }
        for (int[] span : chainSpans) {
            String key = chainKey.get(span[2]);
            if (key != null && span[3] != Mention.Kind.NAME_VALUE) {
                drafts.get(key).add(text.substring(span[0], span[1]), span[0], span[1], Mention.Kind.forNumber(span[3]));
            }
        }

        Analysis.Builder analysis = Analysis.newBuilder().setCleanedText(text).setLanguage("en")
                .setWordCount((int) tokens.stream().filter(t -> t.word().codePoints().anyMatch(Character::isLetterOrDigit)).count());
        List<Entity> entities = new ArrayList<>();
        for (EntityDraft draft : drafts.values()) {
            entities.add(draft.toEntity("e" + (entities.size() + 1)));
        }
        analysis.addAllEntities(entities);

        List<CoreMap> quotes = annotation.get(CoreAnnotations.QuotationsAnnotation.class);
        for (CoreMap quote : quotes == null ? List.<CoreMap>of() : quotes) {
            int begin = quote.get(CoreAnnotations.CharacterOffsetBeginAnnotation.class);
            int end = quote.get(CoreAnnotations.CharacterOffsetEndAnnotation.class);
            Quote.Builder q = Quote.newBuilder().setText(text.substring(begin, end)).setBegin(begin).setEnd(end);
            String speaker = quote.get(QuoteAttributionAnnotator.CanonicalMentionAnnotation.class);
            Integer speakerToken = quote.get(QuoteAttributionAnnotator.CanonicalMentionBeginAnnotation.class);
            if (speaker == null) {
                speaker = quote.get(QuoteAttributionAnnotator.SpeakerAnnotation.class);
                speakerToken = quote.get(QuoteAttributionAnnotator.MentionBeginAnnotation.class);
            }
            if (speaker != null) {
                q.setSpeaker(speaker);
                if (speakerToken != null && speakerToken >= 0 && speakerToken < tokens.size()) {
                    int at = tokens.get(speakerToken).beginPosition();
                    entities.stream().filter(e -> e.getMentionsList().stream()
                                    .anyMatch(m -> m.getBegin() <= at && at < m.getEnd()))
                            .findFirst().ifPresent(e -> q.setSpeakerEntityId(e.getId()));
                }
            }
            analysis.addQuotes(q);
        }
        return analysis.build();
    }

    private static Integer chainContaining(List<int[]> chainSpans, int begin, int end) {
        for (int[] span : chainSpans) {
            if (span[0] <= begin && end <= span[1]) {
                return span[2];
            }
        }
        return null;
    }

    /** CoreNLP's NER tags as the Analysis entity types; other tags (DATE, TITLE, ...) are not entities. */
    private static Entity.Type typeOf(String tag) {
        if (tag == null) {
            return null;
        }
        return switch (tag) {
            case "PERSON" -> Entity.Type.PERSON;
            case "ORGANIZATION" -> Entity.Type.ORGANIZATION;
            case "COUNTRY", "CITY", "STATE_OR_PROVINCE" -> Entity.Type.GPE;
            case "LOCATION" -> Entity.Type.LOCATION;
            case "MISC", "NATIONALITY", "RELIGION", "IDEOLOGY" -> Entity.Type.MISC;
            default -> null;
        };
    }

    private static final class EntityDraft {
        final Entity.Type type;
        final List<Mention> mentions = new ArrayList<>();

        EntityDraft(Entity.Type type) {
            this.type = type;
        }

        void add(String text, int begin, int end, Mention.Kind kind) {
            mentions.add(Mention.newBuilder().setText(text).setBegin(begin).setEnd(end).setKind(kind).build());
        }

        Entity toEntity(String id) {
            List<Mention> ordered = mentions.stream().sorted(Comparator.comparingInt(Mention::getBegin)).toList();
            LinkedHashSet<String> names = new LinkedHashSet<>();
            ordered.stream().filter(m -> m.getKind() == Mention.Kind.NAME).forEach(m -> names.add(m.getText()));
            String name = names.stream().max(Comparator.comparingInt(String::length)).orElse(ordered.get(0).getText());
            names.remove(name);
            return Entity.newBuilder().setId(id).setName(name).setType(type).addAllAliases(names)
                    .addAllMentions(ordered).setSalience(0).build();
        }
    }
}
