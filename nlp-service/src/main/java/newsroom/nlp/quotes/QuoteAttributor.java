package newsroom.nlp.quotes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import newsroom.nlp.entities.DocumentEntity;
import newsroom.nlp.entities.EntityMention;
import newsroom.nlp.entities.EntityType;
import newsroom.nlp.entities.MentionKind;
import newsroom.nlp.text.Dependency;
import newsroom.nlp.text.ParsedText;
import newsroom.nlp.text.Sentence;
import newsroom.nlp.text.Token;

/**
 * Gives each direct quote its speaker, with rules for the ways news writing
 * attributes quotes:
 * <ul>
 * <li>the speech verb nearest the quote in its sentence ({@code "...," X said},
 * {@code X said: "..."}, a partial quote inside reported speech) is the cue, and
 * its grammatical subject the speaker;</li>
 * <li>a pronoun subject ("he added") is the person most recently established as
 * a speaker or as the named subject of a sentence;</li>
 * <li>a role subject ("the minister added") is that same person when the text
 * has described them with that role, else the person most recently described
 * with it;</li>
 * <li>a quote with no speech verb of its own that follows a quote in the same
 * or previous sentence continues it: same speaker, empty cue;</li>
 * <li>a plural or coordinated subject ("both countries vowed") has no single
 * speaker, and the quote gets none rather than a guess.</li>
 * </ul>
 * CoreNLP's own attribution is not used: on news it hands quotes to the wrong
 * minister and to speakers called "minister".
 */
public final class QuoteAttributor {

    private static final Set<String> CUE_LEMMAS = Set.of(
            "say", "add", "tell", "remark", "state", "note", "explain", "insist", "warn", "ask", "reply",
            "respond", "declare", "announce", "write", "argue", "claim", "stress", "emphasise", "emphasize",
            "acknowledge", "comment", "conclude", "vow", "promise", "pledge", "urge", "suggest", "recall",
            "admit", "observe", "assert", "maintain", "confirm", "deny", "tweet", "predict", "caution",
            "complain", "describe", "call", "quip", "reiterate", "underline", "affirm", "point", "continue",
            "recount", "testify", "joke", "boast", "lament", "shout", "chant", "yell", "exclaim", "counter",
            "retort", "concede", "contend", "charge", "allege", "proclaim", "scoff", "wonder", "muse",
            "report", "whisper", "post", "text", "email", "rail", "blast", "snap", "sigh", "inform", "answer",
            "confess", "mock", "plead", "demand", "assure", "reassure", "remember", "beam", "gush", "marvel",
            "reason", "concur", "interject", "opine", "tout", "crow", "hint", "fume", "grumble", "murmur", "mutter",
            "scream", "cry", "laugh", "huff", "reflect", "elaborate", "volunteer", "thunder", "vent", "chide",
            "scold", "taunt", "snipe", "sniff");
    /** Cues whose object is the one spoken to ("told CNBC"), never the speaker. */
    private static final Set<String> LISTENER_CUES = Set.of("tell", "ask", "inform", "urge", "warn", "remind",
            "answer", "email", "text", "call");
    private static final Set<String> PLURAL_PRONOUNS = Set.of("we", "they", "us", "them");
    private static final Set<String> SINGULAR_PRONOUNS = Set.of("he", "she", "i");
    private static final Set<EntityType> SPEAKER_TYPES = Set.of(EntityType.PERSON, EntityType.ORGANIZATION, EntityType.GPE);
    /** "” ― Pamela Padilla" after a quote, to the end of its line. */
    private static final java.util.regex.Pattern SIGNATURE_AFTER = java.util.regex.Pattern.compile(
            "[\\s,]*[\u2015\u2014\u2013-]{1,2}\\s*(\\p{Lu}[\\p{L}.' -]{1,60}?)[\\s.,]*");
    /** "Pamela Padilla: “" before a quote, from the start of its line. */
    private static final java.util.regex.Pattern SIGNATURE_BEFORE = java.util.regex.Pattern.compile(
            "\\s*(\\p{Lu}[\\p{L}.' -]{1,60}?)\\s*:\\s*");
    /** How far into the next sentence a cue may open it: "Senator Lindsey Graham of South Carolina asked". */
    private static final int OPENING_CUE_WINDOW = 8;
    private static final Set<String> SUBJECT_CLIMB = Set.of("conj", "dep", "advcl", "xcomp", "parataxis");

    public List<AttributedQuote> attribute(ParsedText parsed, List<QuoteSpan> spans, List<DocumentEntity> entities) {
        return new Run(parsed, spans, entities).attributeAll();
    }

    /** The state of one attribution pass over a document. */
    private static final class Run {
        final ParsedText parsed;
        final List<QuoteSpan> spans;
        final List<Token> tokens;
        final Map<Integer, DocumentEntity> nameEntityByToken = new HashMap<>();
        final Map<DocumentEntity, List<RoleReference>> roles = new HashMap<>();
        final Map<String, DocumentEntity> entitiesById = new HashMap<>();
        DocumentEntity salientPerson;

        Run(ParsedText parsed, List<QuoteSpan> spans, List<DocumentEntity> entities) {
            this.parsed = parsed;
            this.spans = spans;
            this.tokens = parsed.tokens();
            for (DocumentEntity entity : entities) {
                entitiesById.put(entity.id(), entity);
                for (EntityMention m : entity.mentions()) {
                    List<Token> covered = tokens.stream().filter(t -> t.begin() >= m.begin() && t.end() <= m.end()).toList();
                    if (m.kind() == MentionKind.NAME) {
                        covered.forEach(t -> nameEntityByToken.put(t.index(), entity));
                        if (entity.type() == EntityType.PERSON && !covered.isEmpty()) {
                            addTitleBefore(entity, covered.get(0));
                        }
                    } else if (m.kind() == MentionKind.NOMINAL && entity.type() == EntityType.PERSON) {
                        addRole(entity, m.begin(), covered);
                    }
                }
            }
        }

        /** "Foreign Minister" before "Shah Mahmood Qureshi" describes him. */
        private void addTitleBefore(DocumentEntity entity, Token first) {
            List<Token> title = new ArrayList<>();
            for (int i = first.index() - 1; i >= 0 && tokens.get(i).sentence() == first.sentence(); i--) {
                String ner = tokens.get(i).ner();
                if (!ner.equals("TITLE") && !ner.equals("NATIONALITY")) {
                    break;
                }
                title.add(0, tokens.get(i));
            }
            if (!title.isEmpty()) {
                addRole(entity, title.get(0).begin(), title);
            }
        }

        private void addRole(DocumentEntity entity, int position, List<Token> words) {
            Set<String> keys = new HashSet<>();
            words.stream().filter(t -> t.isNoun() || t.isAdjective()).forEach(t -> keys.add(t.key()));
            if (!keys.isEmpty()) {
                roles.computeIfAbsent(entity, e -> new ArrayList<>()).add(new RoleReference(position, keys));
            }
        }

        List<AttributedQuote> attributeAll() {
            List<AttributedQuote> quotes = new ArrayList<>();
            int next = 0;
            int previousLastSentence = Integer.MIN_VALUE;
            for (Sentence sentence : parsed.sentences()) {
                DocumentEntity lastSpeaker = null;
                while (next < spans.size() && firstSentence(spans.get(next)) == sentence.index()) {
                    QuoteSpan span = spans.get(next);
                    AttributedQuote previous = quotes.isEmpty() ? null : quotes.get(quotes.size() - 1);
                    Speaker speaker = attribute(span, previous, previousLastSentence);
                    quotes.add(new AttributedQuote(parsed.span(span.begin(), span.end()), span.begin(), span.end(),
                            speaker.entity == null ? "" : speaker.entity.id(),
                            speaker.entity == null ? speaker.unrecognizedName : speaker.entity.name(), speaker.cue,
                            speaker.entity == null ? null : speaker.mention));
                    if (speaker.entity != null && speaker.entity.type() == EntityType.PERSON) {
                        lastSpeaker = speaker.entity;
                    }
                    previousLastSentence = Math.max(lastSentence(span), speaker.cueSentence);
                    next++;
                }
                DocumentEntity subject = lastNamedPersonSubject(sentence, Integer.MAX_VALUE);
                if (subject != null) {
                    salientPerson = subject;
                } else if (lastSpeaker != null) {
                    salientPerson = lastSpeaker;
                }
            }
            return quotes;
        }

        private Speaker attribute(QuoteSpan span, AttributedQuote previous, int previousLastSentence) {
            List<Sentence> sentences = parsed.sentences().subList(firstSentence(span), lastSentence(span) + 1);
            Token cue = nearestCue(span, sentences);
            if (cue == null) {
                cue = cueBefore(span);
            }
            if (cue == null && introducedByColon(span) == null) {
                cue = cueOpeningNextSentence(span);
            }
            if (cue == null) {
                Speaker according = accordingTo(sentences, span);
                if (according != null) {
                    return according;
                }
                boolean continues = previous != null && opensItsSentence(span, sentences.get(0))
                        && (firstSentence(span) <= previousLastSentence + 1 || sameParagraphNoOtherSubject(previous, span));
                if (continues && !previous.speakerEntityId().isEmpty()) {
                    return new Speaker(entitiesById.get(previous.speakerEntityId()), "", "", null);
                }
                if (continues && !previous.speaker().isEmpty()) {
                    return new Speaker(null, previous.speaker(), "", null);
                }
                Speaker introduced = introducedByColon(span);
                if (introduced != null) {
                    return introduced;
                }
                Speaker signed = signedQuote(span);
                if (signed.entity != null || !signed.unrecognizedName.isEmpty() || opensItsSentence(span, sentences.get(0))) {
                    return signed;
                }
                // A partial quote inside narrative with no speech verb ("Trump attacked “the hateful
                // ideology …”"): the words are the person the sentence is about, its named subject.
                DocumentEntity subject = lastNamedPersonSubject(sentences.get(0), Integer.MAX_VALUE);
                return subject != null ? new Speaker(subject, "", "", null) : signed;
            }
            Sentence sentence = parsed.sentence(cue.sentence());
            Token subject = subjectOf(sentence, cue.index());
            if (subject == null) {
                subject = subjectWithoutNsubj(sentence, cue);
            }
            if (subject == null && (cue.tag().equals("VBG") || cue.tag().equals("VBN"))) {
                // "Mr. Trump hardly clarified the matter, …, asserting, “…”": a participle says
                // the words of the person the sentence is about.
                DocumentEntity about = lastNamedPersonSubject(sentence, cue.index());
                if (about != null) {
                    return new Speaker(about, "", cue.key(), null, cue.sentence());
                }
            }
            if (subject == null) {
                return new Speaker(null, "", cue.key(), null, cue.sentence());
            }
            subject = nameBeforeParentheses(sentence, subject);
            Token written = subject;
            subject = antecedentOfRelative(sentence, subject);
            DocumentEntity entity = resolve(sentence, subject, span);
            if (entity == null && subject.tag().startsWith("NNP") && !isPlural(sentence, subject)) {
                return new Speaker(null, properNoun(sentence, subject), cue.key(), null, cue.sentence());
            }
            EntityMention mention = written != subject
                    ? new EntityMention(written.word(), written.begin(), written.end(), MentionKind.PRONOMINAL)
                    : referringMention(sentence, subject);
            return new Speaker(entity, "", cue.key(), mention, cue.sentence());
        }

        /** "According to Limbaugh, “…”": the name after "according to" in the quote's sentence, outside quotes. */
        private Speaker accordingTo(List<Sentence> sentences, QuoteSpan span) {
            for (Sentence sentence : sentences) {
                List<Token> words = sentence.tokens();
                for (int i = 0; i + 1 < words.size(); i++) {
                    if (!words.get(i).word().equalsIgnoreCase("according") || !words.get(i + 1).word().equalsIgnoreCase("to")
                            || insideAnyQuote(words.get(i))) {
                        continue;
                    }
                    for (int j = i + 2; j < Math.min(words.size(), i + 7); j++) {
                        Token t = words.get(j);
                        if (insideAnyQuote(t) || t.word().equals(",")) {
                            break;
                        }
                        if (isSpeakerName(t)) {
                            return new Speaker(nameEntityByToken.get(t.index()), "", "", null);
                        }
                    }
                }
            }
            return null;
        }

        /**
         * A quote opening its sentence later in the paragraph of the previous
         * quote, after narrative with no other named person as subject ("“…,”
         * Obama said after the meeting. He did not suggest retaliation. “…”").
         */
        private boolean sameParagraphNoOtherSubject(AttributedQuote previous, QuoteSpan span) {
            if (previous.end() > span.outerBegin() || parsed.text().substring(previous.end(), span.outerBegin()).indexOf('\n') >= 0) {
                return false;
            }
            for (int s = sentenceAt(previous.end()) + 1; s < firstSentence(span); s++) {
                DocumentEntity subject = lastNamedPersonSubject(parsed.sentence(s), Integer.MAX_VALUE);
                if (subject != null && !subject.id().equals(previous.speakerEntityId())) {
                    return false;
                }
            }
            return true;
        }

        /**
         * “…?” Graham asked. — the splitter ends the sentence inside the quote,
         * so the cue opens the next sentence: a speech verb among its first
         * words, when nothing but the quote is left in the quote's sentence.
         */
        private Token cueOpeningNextSentence(QuoteSpan span) {
            int last = lastSentence(span);
            if (last + 1 >= parsed.sentences().size()) {
                return null;
            }
            boolean quoteEndsSentence = parsed.sentence(last).tokens().stream()
                    .noneMatch(t -> t.begin() >= span.outerEnd() && !t.isPunctuation());
            if (!quoteEndsSentence) {
                return null;
            }
            List<Token> next = parsed.sentence(last + 1).tokens();
            if (parsed.text().substring(Math.min(span.outerEnd(), next.get(0).begin()), next.get(0).begin()).indexOf('\n') >= 0) {
                return null; // a new paragraph is someone else's words, not the cue of this quote
            }
            for (int i = 0; i < Math.min(OPENING_CUE_WINDOW, next.size()); i++) {
                Token t = next.get(i);
                if (insideAnyQuote(t)) {
                    return null;
                }
                if (isCue(t)) {
                    // A cue followed by a quote of its own sentence introduces that quote instead.
                    boolean ownQuote = spans.stream().filter(o -> o.outerBegin() > t.begin() && o.outerBegin() < next.get(next.size() - 1).end())
                            .anyMatch(o -> t.equals(governingCue(tokens.stream().filter(w -> o.contains(w.begin(), w.end())).toList())));
                    return ownQuote ? null : t;
                }
            }
            return null;
        }

        /** A speech verb, "put it" ("as Tom Ridge put it: “…”") or "shot back". */
        private boolean isCue(Token t) {
            if (!t.isVerb()) {
                return false;
            }
            if (CUE_LEMMAS.contains(t.key())) {
                return true;
            }
            String particle = t.key().equals("put") ? "it" : t.key().equals("shoot") ? "back" : null;
            return particle != null && parsed.sentence(t.sentence()).dependentsOf(t.index()).stream()
                    .anyMatch(d -> (d.relation().equals("obj") || d.relation().equals("compound:prt"))
                            && tokens.get(d.dependent()).word().equalsIgnoreCase(particle));
        }

        /**
         * The cue that introduces a quote from outside its sentences: the
         * speech verb right before the opening mark ({@code …, said, “…”}
         * where the splitter cut at the mark), or the one of the sentence
         * ending in the colon before it ({@code He said:} and the quote as a
         * paragraph of its own).
         */
        private Token cueBefore(QuoteSpan span) {
            int at = span.outerBegin() - 1;
            while (at >= 0 && Character.isWhitespace(parsed.text().charAt(at))) {
                at--;
            }
            if (at < 0) {
                return null;
            }
            char mark = parsed.text().charAt(at);
            Token last = tokenEndingAt(at + 1);
            if (last == null) {
                return null;
            }
            if (mark == ',' && last.index() > 0 && isCue(tokens.get(last.index() - 1))
                    && tokens.get(last.index() - 1).sentence() == last.sentence()) {
                return tokens.get(last.index() - 1);
            }
            if (mark != ':') {
                return null;
            }
            Token best = null;
            for (Token t : parsed.sentence(last.sentence()).tokens()) {
                if (t.index() < last.index() && isCue(t) && !insideAnyQuote(t)) {
                    best = t;
                }
            }
            return best;
        }

        private Token tokenEndingAt(int end) {
            for (Token t : tokens) {
                if (t.end() == end) {
                    return t;
                }
            }
            return null;
        }

        /**
         * The speaker of a cue the parser gave no subject: the agent of a
         * passive ("was written by Springsteen"), a name the parser made the
         * object of an inverted cue ("…,” said 9/11 widow Terry Strada), a
         * name right before the cue ("…,’” Merkley said, the name parsed as
         * part of the quote) or right after it ("Said Ellis:").
         */
        private Token subjectWithoutNsubj(Sentence sentence, Token cue) {
            for (Dependency d : sentence.dependentsOf(cue.index())) {
                Token dependent = tokens.get(d.dependent());
                if (insideAnyQuote(dependent)) {
                    continue;
                }
                boolean byPhrase = d.relation().startsWith("obl") && sentence.dependentsOf(d.dependent()).stream()
                        .anyMatch(c -> c.relation().equals("case") && tokens.get(c.dependent()).word().equalsIgnoreCase("by"));
                if (d.relation().equals("obl:agent") || byPhrase && isPassive(sentence, cue)) {
                    return dependent;
                }
                boolean inverted = d.relation().equals("obj") || d.relation().equals("xcomp") || d.relation().equals("dep");
                if (inverted && d.dependent() > cue.index() && !LISTENER_CUES.contains(cue.key())
                        && isSpeakerName(dependent) && nameEntityByToken.get(d.dependent()).type() == EntityType.PERSON) {
                    return dependent;
                }
            }
            if (cue.index() > 0) {
                Token before = tokens.get(cue.index() - 1);
                if (before.sentence() == cue.sentence() && !insideAnyQuote(before) && isSpeakerName(before)) {
                    return before;
                }
            }
            return invertedName(sentence, cue);
        }

        private boolean isPassive(Sentence sentence, Token verb) {
            return sentence.dependentsOf(verb.index()).stream()
                    .anyMatch(d -> d.relation().equals("aux:pass") || d.relation().equals("nsubj:pass"));
        }

        private boolean isSpeakerName(Token t) {
            DocumentEntity entity = nameEntityByToken.get(t.index());
            return entity != null && SPEAKER_TYPES.contains(entity.type());
        }

        /**
         * "Rep. Elijah E. Cummings (D-Md.) said": the parser can make the
         * party and state in parentheses the subject; the name before them is.
         */
        private Token nameBeforeParentheses(Sentence sentence, Token subject) {
            int open = -1;
            for (Token t : sentence.tokens()) {
                if (t.index() > subject.index()) {
                    break;
                }
                if (t.tag().equals("-LRB-")) {
                    open = t.index();
                } else if (t.tag().equals("-RRB-")) {
                    open = -1;
                }
            }
            if (open <= 0 || tokens.get(open - 1).sentence() != subject.sentence()) {
                return subject;
            }
            Token before = tokens.get(open - 1);
            return isSpeakerName(before) ? before : subject;
        }

        /** "Stevie Wonder, who joked": a relative pronoun subject stands for the noun its clause modifies. */
        private Token antecedentOfRelative(Sentence sentence, Token subject) {
            if (!subject.word().equalsIgnoreCase("who")) {
                return subject; // "which" and "that" stand for things: "the caption which reads"
            }
            Dependency clause = sentence.headOf(subject.index());
            if (clause == null || clause.governor() < 0) {
                return subject;
            }
            for (int verb = clause.governor(), depth = 0; depth < 3; depth++) {
                Dependency head = sentence.headOf(verb);
                if (head == null || head.governor() < 0) {
                    return subject;
                }
                if (head.relation().equals("acl:relcl")) {
                    return tokens.get(head.governor());
                }
                if (!SUBJECT_CLIMB.contains(head.relation().split(":")[0])) {
                    return subject;
                }
                verb = head.governor();
            }
            return subject;
        }

        /** A proper noun, or a word NER put in a name whatever its tag ("said Devine", Devine tagged JJ). */
        private boolean isNameWord(Token t) {
            return t.tag().startsWith("NNP") || nameEntityByToken.containsKey(t.index());
        }

        /** "Said Ellis:" where the parser found no subject: a name right after the cue. */
        private Token invertedName(Sentence sentence, Token cue) {
            int next = cue.index() + 1;
            if (next < tokens.size() && tokens.get(next).sentence() == sentence.index() && isNameWord(tokens.get(next))) {
                int last = next;
                while (last + 1 < tokens.size() && tokens.get(last + 1).sentence() == sentence.index()
                        && isNameWord(tokens.get(last + 1))) {
                    last++;
                }
                return tokens.get(last);
            }
            return null;
        }

        /**
         * A quote after a colon, with no speech verb: the named subject of the
         * sentence introduces it ("Obama rolled out a new message: “It's about me.”").
         */
        private Speaker introducedByColon(QuoteSpan span) {
            int before = span.outerBegin() - 1;
            while (before >= 0 && Character.isWhitespace(parsed.text().charAt(before))) {
                before--;
            }
            if (before < 0 || parsed.text().charAt(before) != ':') {
                return null;
            }
            Sentence sentence = parsed.sentence(sentenceAt(before));
            Token colon = tokenEndingAt(before + 1);
            if (colon != null && colon.index() > 0) {
                DocumentEntity named = nameEntityByToken.get(colon.index() - 1);
                if (named != null && named.type() == EntityType.PERSON) {
                    return new Speaker(named, "", "", null); // "… doesn't surprise pollster Daron Shaw: “…”"
                }
            }
            for (Dependency root : sentence.dependencies()) {
                if (root.governor() >= 0) {
                    continue;
                }
                DocumentEntity label = nameEntityByToken.get(root.dependent());
                if (label != null && SPEAKER_TYPES.contains(label.type())) {
                    return new Speaker(label, "", "", null); // "Said Ellis: “…”", a name for a sentence
                }
                for (Dependency d : sentence.dependentsOf(root.dependent())) {
                    if (d.relation().startsWith("nsubj") && d.dependent() < tokens.size()) {
                        DocumentEntity named = nameEntityByToken.get(d.dependent());
                        if (named != null && SPEAKER_TYPES.contains(named.type()) && !isPlural(sentence, tokens.get(d.dependent()))) {
                            return new Speaker(named, "", "", null);
                        }
                    }
                }
            }
            return null;
        }

        /**
         * A quote with no speech verb signed on its own line, as reader comments
         * and vox pops are: {@code “…” ― Pamela Padilla} or {@code Pamela Padilla: “…”}.
         */
        private Speaker signedQuote(QuoteSpan span) {
            String text = parsed.text();
            int lineEnd = text.indexOf('\n', span.outerEnd());
            String after = text.substring(span.outerEnd(), lineEnd < 0 ? text.length() : lineEnd);
            java.util.regex.Matcher signature = SIGNATURE_AFTER.matcher(after);
            if (signature.matches()) {
                return signer(span.outerEnd() + signature.start(1), span.outerEnd() + signature.end(1));
            }
            if (lineEnd >= 0 && after.isBlank()) {
                // Fact-check style: the quote a paragraph of its own, "- Bernie Sanders." the next one.
                int nextStart = lineEnd;
                while (nextStart < text.length() && Character.isWhitespace(text.charAt(nextStart))) {
                    nextStart++;
                }
                int nextEnd = text.indexOf('\n', nextStart);
                String nextLine = text.substring(nextStart, nextEnd < 0 ? text.length() : nextEnd);
                java.util.regex.Matcher below = SIGNATURE_AFTER.matcher(nextLine);
                if (below.matches()) {
                    return signer(nextStart + below.start(1), nextStart + below.end(1));
                }
            }
            int lineStart = text.lastIndexOf('\n', span.outerBegin() - 1) + 1;
            java.util.regex.Matcher label = SIGNATURE_BEFORE.matcher(text.substring(lineStart, span.outerBegin()));
            if (label.matches()) {
                return signer(lineStart + label.start(1), lineStart + label.end(1));
            }
            return new Speaker(null, "", "", null);
        }

        private Speaker signer(int begin, int end) {
            for (Token t : tokens) {
                if (t.begin() >= begin && t.end() <= end && nameEntityByToken.containsKey(t.index())) {
                    DocumentEntity entity = nameEntityByToken.get(t.index());
                    return SPEAKER_TYPES.contains(entity.type()) ? new Speaker(entity, "", "", null) : new Speaker(null, "", "", null);
                }
            }
            return new Speaker(null, parsed.span(begin, end), "", null);
        }

        /** The words of a proper-noun subject NER did not recognise: the head with its compound parts. */
        private String properNoun(Sentence sentence, Token head) {
            int first = head.index();
            for (Dependency d : sentence.dependentsOf(head.index())) {
                if (d.dependent() < first && d.relation().startsWith("compound") && tokens.get(d.dependent()).tag().startsWith("NNP")) {
                    first = d.dependent();
                }
            }
            return parsed.span(tokens.get(first).begin(), head.end());
        }

        /** The subject as a mention of its speaker when it is a pronoun or a role phrase, not a name. */
        private EntityMention referringMention(Sentence sentence, Token subject) {
            if (nameEntityByToken.containsKey(subject.index())) {
                return null;
            }
            if (subject.tag().startsWith("PRP")) {
                return new EntityMention(subject.word(), subject.begin(), subject.end(), MentionKind.PRONOMINAL);
            }
            if (!subject.isNoun()) {
                return null;
            }
            int first = subject.index();
            for (Dependency d : sentence.dependentsOf(subject.index())) {
                String relation = d.relation();
                if (d.dependent() < first && (relation.startsWith("det") || relation.startsWith("amod")
                        || relation.startsWith("compound") || relation.startsWith("nmod:poss"))) {
                    first = d.dependent();
                }
            }
            int begin = tokens.get(first).begin();
            return new EntityMention(parsed.span(begin, subject.end()), begin, subject.end(), MentionKind.NOMINAL);
        }

        private Token nearestCue(QuoteSpan span, List<Sentence> sentences) {
            List<Token> inside = tokens.stream().filter(t -> span.contains(t.begin(), t.end())).toList();
            if (inside.isEmpty()) {
                return null;
            }
            Token governing = governingCue(inside);
            if (governing != null) {
                return governing;
            }
            int first = inside.get(0).index();
            int last = inside.get(inside.size() - 1).index();
            Token best = null;
            int bestDistance = Integer.MAX_VALUE;
            for (Sentence s : sentences) {
                for (Token t : s.tokens()) {
                    if (!isCue(t) || insideAnyQuote(t)) {
                        continue;
                    }
                    int distance = t.index() < first ? first - t.index() : t.index() - last;
                    if (distance < bestDistance) {
                        bestDistance = distance;
                        best = t;
                    }
                }
            }
            return best;
        }

        /**
         * The speech verb the quote's words hang from in the parse (“…,” X
         * said; footage of X saying, “…” when Y blasted him): the nearest cue
         * up the tree from any quoted word, which beats a cue that is merely
         * closer in the text.
         */
        private Token governingCue(List<Token> inside) {
            Token best = null;
            int bestSteps = Integer.MAX_VALUE;
            for (Token word : inside) {
                if (word.isPunctuation()) {
                    continue; // a quotation mark can hang from the sentence before the quote
                }
                Sentence sentence = parsed.sentence(word.sentence());
                int at = word.index();
                for (int steps = 1; steps < bestSteps && steps <= 12; steps++) {
                    Dependency head = sentence.headOf(at);
                    if (head == null || head.governor() < 0) {
                        break;
                    }
                    at = head.governor();
                    Token t = tokens.get(at);
                    if (!insideAnyQuote(t) && isCue(t)) {
                        best = t;
                        bestSteps = steps;
                        break;
                    }
                }
            }
            return best;
        }

        private boolean insideAnyQuote(Token t) {
            return spans.stream().anyMatch(s -> s.contains(t.begin(), t.end()));
        }

        /**
         * Nothing but quotes and punctuation before the quote in its sentence:
         * it continues the previous speaker's words, whatever narrative
         * without a speech verb follows it ({@code “…,” which votes in June.}).
         */
        private boolean opensItsSentence(QuoteSpan span, Sentence sentence) {
            return sentence.tokens().stream().filter(t -> t.end() <= span.outerBegin())
                    .allMatch(t -> insideAnyQuote(t) || t.isPunctuation());
        }

        /** The subject of a verb, looking through "adding" to "said" in "he said, adding ...". */
        private Token subjectOf(Sentence sentence, int verb) {
            for (int depth = 0; depth < 4; depth++) {
                for (Dependency d : sentence.dependentsOf(verb)) {
                    // The parser can make a quoted noun a second subject ("My hope," she said).
                    if (d.relation().startsWith("nsubj") && !insideAnyQuote(tokens.get(d.dependent()))) {
                        return tokens.get(d.dependent());
                    }
                }
                Dependency head = sentence.headOf(verb);
                if (head == null || head.governor() < 0 || !SUBJECT_CLIMB.contains(head.relation().split(":")[0])) {
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

        private DocumentEntity resolve(Sentence sentence, Token subject, QuoteSpan span) {
            if (isPlural(sentence, subject)) {
                return null;
            }
            DocumentEntity named = nameEntityByToken.get(subject.index());
            if (named != null) {
                return SPEAKER_TYPES.contains(named.type()) ? named : null;
            }
            if (subject.tag().startsWith("PRP") && SINGULAR_PRONOUNS.contains(subject.word().toLowerCase())) {
                DocumentEntity sameSentence = lastNamedPersonSubject(sentence, subject.index());
                if (sameSentence != null) {
                    return sameSentence;
                }
                return salientPerson != null ? salientPerson : nearestPersonBefore(subject.index());
            }
            DocumentEntity speaksFor = nameModifying(sentence, subject);
            if (speaksFor != null) {
                return speaksFor;
            }
            if (subject.isNoun()) {
                return byRole(roleWords(sentence, subject), span.outerBegin(), subject.ner().equals("TITLE"));
            }
            return null;
        }

        /**
         * "The IMF report stated", "Trump's campaign said": a common-noun
         * subject that a person's or organization's name modifies speaks for
         * them, when no role phrase in the text says who it is.
         */
        private DocumentEntity nameModifying(Sentence sentence, Token subject) {
            if (!subject.isNoun() || subject.tag().startsWith("NNP") || roles.values().stream().flatMap(List::stream)
                    .anyMatch(r -> r.words().contains(subject.key()))) {
                return null;
            }
            for (Dependency d : sentence.dependentsOf(subject.index())) {
                if (d.dependent() < subject.index() && (d.relation().equals("compound") || d.relation().equals("nmod:poss"))) {
                    DocumentEntity named = nameEntityByToken.get(d.dependent());
                    if (named != null && (named.type() == EntityType.PERSON || named.type() == EntityType.ORGANIZATION)) {
                        return named;
                    }
                }
            }
            return null;
        }

        /** The person named last before a token: the antecedent when no one has been a subject yet. */
        private DocumentEntity nearestPersonBefore(int token) {
            for (int i = token - 1; i >= 0; i--) {
                DocumentEntity entity = nameEntityByToken.get(i);
                if (entity != null && entity.type() == EntityType.PERSON) {
                    return entity;
                }
            }
            return null;
        }

        private boolean isPlural(Sentence sentence, Token subject) {
            if (subject.tag().equals("NNS") || subject.tag().equals("NNPS")
                    || PLURAL_PRONOUNS.contains(subject.word().toLowerCase())) {
                return true;
            }
            return sentence.dependentsOf(subject.index()).stream().anyMatch(d -> d.relation().startsWith("conj"));
        }

        private Set<String> roleWords(Sentence sentence, Token head) {
            Set<String> words = new HashSet<>();
            words.add(head.key());
            for (Dependency d : sentence.dependentsOf(head.index())) {
                if (d.relation().startsWith("amod") || d.relation().startsWith("compound")) {
                    words.add(tokens.get(d.dependent()).key());
                }
            }
            return words;
        }

        /**
         * The person a role phrase refers to: the salient person when the text
         * has described them with those words (or never described them at all
         * and nobody else fits), else the person described so most recently; a
         * title that fits nobody, the salient person.
         */
        private DocumentEntity byRole(Set<String> words, int before, boolean title) {
            if (salientPerson != null && describedAs(salientPerson, words, before)) {
                return salientPerson;
            }
            DocumentEntity best = null;
            int bestPosition = -1;
            for (var entry : roles.entrySet()) {
                for (RoleReference r : entry.getValue()) {
                    if (r.position() < before && r.position() > bestPosition && r.words().containsAll(words)) {
                        best = entry.getKey();
                        bestPosition = r.position();
                    }
                }
            }
            // A title nobody was described with ("the Vermont senator") is the person the text is about.
            if (best == null && salientPerson != null && (title || !roles.containsKey(salientPerson))) {
                return salientPerson;
            }
            return best;
        }

        private boolean describedAs(DocumentEntity person, Set<String> words, int before) {
            return roles.getOrDefault(person, List.of()).stream()
                    .anyMatch(r -> r.position() < before && r.words().containsAll(words));
        }

        private DocumentEntity lastNamedPersonSubject(Sentence sentence, int beforeToken) {
            DocumentEntity last = null;
            int lastIndex = -1;
            for (Dependency d : sentence.dependencies()) {
                if (!d.relation().startsWith("nsubj") || d.dependent() >= beforeToken || d.dependent() < lastIndex) {
                    continue;
                }
                Token subject = tokens.get(d.dependent());
                DocumentEntity entity = nameEntityByToken.get(subject.index());
                if (entity != null && entity.type() == EntityType.PERSON && !isPlural(sentence, subject)) {
                    last = entity;
                    lastIndex = d.dependent();
                }
            }
            return last;
        }

        private int firstSentence(QuoteSpan span) {
            return sentenceAt(span.begin() < span.end() ? span.begin() : span.outerBegin());
        }

        private int lastSentence(QuoteSpan span) {
            return sentenceAt(Math.max(span.begin(), span.end() - 1));
        }

        private int sentenceAt(int offset) {
            int found = 0;
            for (Sentence s : parsed.sentences()) {
                if (s.begin() <= offset) {
                    found = s.index();
                }
            }
            return found;
        }
    }

    /**
     * Who said a quote: an entity, or (entity null) the words of a name no
     * entity holds ({@code unrecognizedName}, possibly empty for nobody).
     */
    private record Speaker(DocumentEntity entity, String unrecognizedName, String cue, EntityMention mention,
            int cueSentence) {

        Speaker(DocumentEntity entity, String unrecognizedName, String cue, EntityMention mention) {
            this(entity, unrecognizedName, cue, mention, -1);
        }
    }

    private record RoleReference(int position, Set<String> words) {
    }
}
