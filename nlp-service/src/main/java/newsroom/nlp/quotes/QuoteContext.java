package newsroom.nlp.quotes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import newsroom.nlp.entities.DocumentEntity;
import newsroom.nlp.entities.EntityMention;
import newsroom.nlp.entities.EntityType;
import newsroom.nlp.entities.MentionKind;
import newsroom.nlp.text.Dependency;
import newsroom.nlp.text.ParsedText;
import newsroom.nlp.text.QuoteSpan;
import newsroom.nlp.text.Sentence;
import newsroom.nlp.text.Token;

/**
 * What the attribution stages of one document look things up in: which
 * entity each name token belongs to, which tokens lie inside quotation marks,
 * which sentence holds an offset, and the few facts of the parse they share
 * (a verb's subject, a plural subject, a sentence's named subject). Every
 * look-up is an array index or a binary search, so a document of thousands of
 * tokens and quotes costs time in proportion to its size.
 */
public final class QuoteContext {

    static final Set<EntityType> SPEAKER_TYPES = Set.of(EntityType.PERSON, EntityType.ORGANIZATION, EntityType.GPE);
    private static final Set<String> PLURAL_PRONOUNS = Set.of("we", "they", "us", "them");
    private static final Set<String> SUBJECT_CLIMB = Set.of("conj", "dep", "advcl", "xcomp", "parataxis");

    final ParsedText parsed;
    final List<QuoteSpan> spans;
    final List<Token> tokens;
    private final DocumentEntity[] nameEntityByToken;
    private final boolean[] quoted;
    private final int[] tokenEnds;
    private final int[] sentenceBegins;
    private final List<DocumentEntity> entities;
    private final Map<String, DocumentEntity> entitiesById = new HashMap<>();

    public QuoteContext(ParsedText parsed, List<QuoteSpan> spans, List<DocumentEntity> entities) {
        this.parsed = parsed;
        this.spans = spans;
        this.tokens = parsed.tokens();
        this.entities = List.copyOf(entities);
        this.nameEntityByToken = new DocumentEntity[tokens.size()];
        this.tokenEnds = tokens.stream().mapToInt(Token::end).toArray();
        this.sentenceBegins = parsed.sentences().stream().mapToInt(Sentence::begin).toArray();
        for (DocumentEntity entity : entities) {
            entitiesById.put(entity.id(), entity);
            for (EntityMention m : entity.mentions()) {
                if (m.kind() == MentionKind.NAME) {
                    for (Token t : covered(m.begin(), m.end())) {
                        nameEntityByToken[t.index()] = entity;
                    }
                }
            }
        }
        this.quoted = new boolean[tokens.size()];
        int next = 0;
        for (Token t : tokens) {
            // Spans are in text order and do not nest: the first span ending after the token's
            // start is the only one that can hold it.
            while (next < spans.size() && spans.get(next).outerEnd() < t.end()) {
                next++;
            }
            for (int s = next; s < spans.size() && spans.get(s).outerBegin() <= t.begin(); s++) {
                if (spans.get(s).contains(t.begin(), t.end())) {
                    quoted[t.index()] = true;
                    break;
                }
            }
        }
    }

    /** The tokens wholly inside [begin, end), in order. */
    List<Token> covered(int begin, int end) {
        List<Token> covered = new ArrayList<>();
        int first = firstTokenEndingAfter(begin);
        for (int i = first; i < tokens.size() && tokens.get(i).begin() < end; i++) {
            Token t = tokens.get(i);
            if (t.begin() >= begin && t.end() <= end) {
                covered.add(t);
            }
        }
        return covered;
    }

    private int firstTokenEndingAfter(int offset) {
        int at = Arrays.binarySearch(tokenEnds, offset + 1);
        return at >= 0 ? at : -at - 1;
    }

    List<DocumentEntity> entities() {
        return entities;
    }

    DocumentEntity entity(String id) {
        return entitiesById.get(id);
    }

    /** The entity whose name the token is part of, or null. */
    DocumentEntity nameEntity(Token t) {
        return nameEntityByToken[t.index()];
    }

    DocumentEntity nameEntity(int token) {
        return nameEntityByToken[token];
    }

    boolean isSpeakerName(Token t) {
        DocumentEntity entity = nameEntityByToken[t.index()];
        return entity != null && SPEAKER_TYPES.contains(entity.type());
    }

    boolean insideAnyQuote(Token t) {
        return quoted[t.index()];
    }

    Sentence sentence(int index) {
        return parsed.sentence(index);
    }

    /** The sentence holding an offset: the last one starting at or before it (the first for earlier offsets). */
    int sentenceAt(int offset) {
        int at = Arrays.binarySearch(sentenceBegins, offset);
        if (at >= 0) {
            while (at + 1 < sentenceBegins.length && sentenceBegins[at + 1] == offset) {
                at++;
            }
            return at;
        }
        return Math.max(0, -at - 2);
    }

    /** The token ending exactly at an offset, or null. */
    Token tokenEndingAt(int end) {
        int at = Arrays.binarySearch(tokenEnds, end);
        if (at < 0) {
            return null;
        }
        while (at > 0 && tokenEnds[at - 1] == end) {
            at--;
        }
        return tokens.get(at);
    }

    int firstSentence(QuoteSpan span) {
        return sentenceAt(span.begin() < span.end() ? span.begin() : span.outerBegin());
    }

    int lastSentence(QuoteSpan span) {
        return sentenceAt(Math.max(span.begin(), span.end() - 1));
    }

    /** The tokens inside a quote's marks. */
    List<Token> inside(QuoteSpan span) {
        return covered(span.outerBegin(), span.outerEnd());
    }

    /** The subject of a verb, looking through "adding" to "said" in "he said, adding ...". */
    Token subjectOf(Sentence sentence, int verb) {
        for (int depth = 0; depth < 4; depth++) {
            for (Dependency d : sentence.dependentsOf(verb)) {
                // The parser can make a quoted noun a second subject ("My hope," she said).
                if (d.relation().startsWith("nsubj") && !insideAnyQuote(tokens.get(d.dependent()))) {
                    return tokens.get(d.dependent());
                }
            }
            Dependency head = sentence.headOf(verb);
            if (head == null || head.governor() < 0 || !climbsToSubject(head.relation())) {
                return subjectAbove(sentence, verb);
            }
            verb = head.governor();
        }
        return null;
    }

    /**
     * "X went so far as to say", "X took to Twitter to say": a cue with no
     * subject of its own takes the first subject up its chain of heads,
     * short of a relative clause (whose subject is someone else's).
     */
    private Token subjectAbove(Sentence sentence, int verb) {
        for (int depth = 0; depth < 4; depth++) {
            Dependency head = sentence.headOf(verb);
            if (head != null && head.relation().equals("acl") && isSpeakerName(tokens.get(head.governor()))) {
                return tokens.get(head.governor()); // "footage of Hillary Clinton asking, “…”"
            }
            if (head == null || head.governor() < 0 || head.relation().startsWith("acl")
                    || head.relation().startsWith("ccomp")) {
                return null;
            }
            verb = head.governor();
            for (Dependency d : sentence.dependentsOf(verb)) {
                if (d.relation().startsWith("nsubj") && !insideAnyQuote(tokens.get(d.dependent()))) {
                    return tokens.get(d.dependent());
                }
            }
        }
        return null;
    }

    /** A clause whose subject is its head's: "said, adding", "went so far as to say". */
    static boolean climbsToSubject(String relation) {
        return SUBJECT_CLIMB.contains(relation.split(":")[0]);
    }

    boolean isPlural(Sentence sentence, Token subject) {
        if (subject.tag().equals("NNS") || subject.tag().equals("NNPS")
                || PLURAL_PRONOUNS.contains(subject.word().toLowerCase())) {
            return true;
        }
        return sentence.dependentsOf(subject.index()).stream().anyMatch(d -> d.relation().startsWith("conj"));
    }

    /** The last named person (a single one) that is a subject in the sentence before a token, or null. */
    Token lastNamedPersonSubject(Sentence sentence, int beforeToken) {
        Token last = null;
        int lastIndex = -1;
        for (Dependency d : sentence.dependencies()) {
            if (!d.relation().startsWith("nsubj") || d.dependent() >= beforeToken || d.dependent() < lastIndex) {
                continue;
            }
            Token subject = tokens.get(d.dependent());
            DocumentEntity entity = nameEntityByToken[subject.index()];
            if (entity != null && entity.type() == EntityType.PERSON && !isPlural(sentence, subject)) {
                last = subject;
                lastIndex = d.dependent();
            }
        }
        return last;
    }

    DocumentEntity lastNamedPersonSubjectEntity(Sentence sentence, int beforeToken) {
        Token subject = lastNamedPersonSubject(sentence, beforeToken);
        return subject == null ? null : nameEntityByToken[subject.index()];
    }

    /**
     * Nothing but quotes and punctuation before the quote in its sentence:
     * it continues the previous speaker's words, whatever narrative
     * without a speech verb follows it ({@code “…,” which votes in June.}).
     */
    boolean opensItsSentence(QuoteSpan span, Sentence sentence) {
        return sentence.tokens().stream().filter(t -> t.end() <= span.outerBegin())
                .allMatch(t -> insideAnyQuote(t) || t.isPunctuation());
    }
}
