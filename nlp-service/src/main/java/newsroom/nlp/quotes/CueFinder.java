package newsroom.nlp.quotes;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import newsroom.nlp.entities.DocumentEntity;
import newsroom.nlp.entities.EntityType;
import newsroom.nlp.text.Dependency;
import newsroom.nlp.text.QuoteSpan;
import newsroom.nlp.text.Sentence;
import newsroom.nlp.text.Token;

/**
 * The cue stage: for each candidate, what attributes it. Reported speech
 * brings its cue with it (the verb or "according to" that reports it). A
 * quotation's cue is looked for in this order:
 * <ol>
 * <li>the speech verb the quote hangs from in the parse, else the one nearest
 * the quote in its sentences, outside any quote;</li>
 * <li>the speech verb right before the opening mark ({@code …, said, “…”}
 * where the splitter cut at the mark), or that of a sentence ending in the
 * colon before the quote ({@code He said:} and the quote a paragraph of its own);</li>
 * <li>unless a named speaker introduces the quote with a colon, a speech verb
 * opening the next sentence of the same paragraph ({@code “…?” Graham asked.});</li>
 * <li>{@code according to X};</li>
 * <li>the previous quote, continued (decided with its speaker, by coreference);</li>
 * <li>a named speaker before a colon, a signature on the quote's line or the
 * next, or the named subject of the narrative a partial quote sits in.</li>
 * </ol>
 */
public final class CueFinder {

    /** "” ― Pamela Padilla" after a quote, to the end of its line. */
    private static final Pattern SIGNATURE_AFTER = Pattern.compile(
            "[\\s,]*[\u2015\u2014\u2013-]{1,2}\\s*(\\p{Lu}[\\p{L}.' -]{1,60}?)[\\s.,]*");
    /** "Pamela Padilla: “" before a quote, from the start of its line. */
    private static final Pattern SIGNATURE_BEFORE = Pattern.compile("\\s*(\\p{Lu}[\\p{L}.' -]{1,60}?)\\s*:\\s*");
    /** How far into the next sentence a cue may open it: "Senator Lindsey Graham of South Carolina asked". */
    private static final int OPENING_CUE_WINDOW = 8;
    /** How far up the parse a quoted word may hang from its cue. */
    private static final int GOVERNING_STEPS = 12;
    /** Longest signature line looked at; a longer line is prose, not a signature. */
    private static final int SIGNATURE_LINE = 200;

    private final CueLexicon lexicon;

    public CueFinder() {
        this(new CueLexicon());
    }

    CueFinder(CueLexicon lexicon) {
        this.lexicon = lexicon;
    }

    public List<Cue> find(QuoteContext context, List<AttributionCandidate> candidates) {
        Run run = new Run(context);
        List<Cue> cues = new ArrayList<>(candidates.size());
        QuoteSpan previousQuote = null;
        int previousLastSentence = Integer.MIN_VALUE;
        for (AttributionCandidate candidate : candidates) {
            Cue cue;
            if (candidate.form() == QuoteForm.DIRECT) {
                cue = run.quoteCue(candidate.quote(), previousQuote, previousLastSentence);
            } else {
                cue = run.reportingCue(candidate);
            }
            cues.add(cue);
            if (!candidate.quotes().isEmpty()) {
                QuoteSpan last = candidate.quotes().get(candidate.quotes().size() - 1);
                previousQuote = last;
                previousLastSentence = Math.max(context.lastSentence(last), cue.verbSentence());
            }
        }
        return cues;
    }

    /**
     * The speech verb a quote's words hang from in the parse (“…,” X
     * said; footage of X saying, “…” when Y blasted him): the nearest cue
     * up the tree from any quoted word, which beats a cue that is merely
     * closer in the text. Null when no quoted word hangs from one.
     */
    static Token governingCue(QuoteContext context, CueLexicon lexicon, List<Token> inside) {
        Token best = null;
        int bestSteps = Integer.MAX_VALUE;
        for (Token word : inside) {
            if (word.isPunctuation()) {
                continue; // a quotation mark can hang from the sentence before the quote
            }
            Sentence sentence = context.sentence(word.sentence());
            int at = word.index();
            for (int steps = 1; steps < bestSteps && steps <= GOVERNING_STEPS; steps++) {
                Dependency head = sentence.headOf(at);
                if (head == null || head.governor() < 0) {
                    break;
                }
                at = head.governor();
                Token t = context.tokens.get(at);
                if (!context.insideAnyQuote(t) && lexicon.isQuoteCue(t, context.sentence(t.sentence()), context.tokens)) {
                    best = t;
                    bestSteps = steps;
                    break;
                }
            }
        }
        return best;
    }

    private final class Run {
        final QuoteContext context;
        final List<Token> tokens;
        final String text;

        Run(QuoteContext context) {
            this.context = context;
            this.tokens = context.tokens;
            this.text = context.parsed.text();
        }

        Cue reportingCue(AttributionCandidate candidate) {
            Token word = candidate.reportingWord();
            if (AccordingToPhrase.startsAt(tokens, word)) {
                Token source = AccordingToPhrase.source(context, word);
                return new Cue.AccordingTo(word, source);
            }
            return new Cue.SpeechVerb(word);
        }

        Cue quoteCue(QuoteSpan span, QuoteSpan previous, int previousLastSentence) {
            List<Sentence> sentences = context.parsed.sentences()
                    .subList(context.firstSentence(span), context.lastSentence(span) + 1);
            Token verb = nearestCue(span, sentences);
            if (verb == null) {
                verb = cueBefore(span);
            }
            Cue colon = introducedByColon(span);
            if (verb == null && colon == null) {
                verb = cueOpeningNextSentence(span);
            }
            if (verb != null) {
                return new Cue.SpeechVerb(verb);
            }
            Cue according = accordingTo(sentences, span);
            if (according != null) {
                return according;
            }
            boolean opens = context.opensItsSentence(span, sentences.get(0));
            Cue otherwise = otherwise(span, sentences.get(0), colon, opens);
            if (previous != null && opens) {
                boolean adjacent = context.firstSentence(span) <= previousLastSentence + 1;
                boolean sameParagraph = previous.end() <= span.outerBegin()
                        && text.substring(previous.end(), span.outerBegin()).indexOf('\n') < 0;
                List<Token> between = new ArrayList<>();
                if (sameParagraph) {
                    for (int s = context.sentenceAt(previous.end()) + 1; s < context.firstSentence(span); s++) {
                        Token subject = context.lastNamedPersonSubject(context.sentence(s), Integer.MAX_VALUE);
                        if (subject != null) {
                            between.add(subject);
                        }
                    }
                }
                return new Cue.Continuation(adjacent, sameParagraph, between, otherwise);
            }
            return otherwise;
        }

        /** The cue of a quote that continues nobody: a colon, a signature, or the narrative's subject. */
        private Cue otherwise(QuoteSpan span, Sentence first, Cue colon, boolean opens) {
            if (colon != null) {
                return colon;
            }
            Cue signed = signedQuote(span);
            if (signed != null || opens) {
                return signed != null ? signed : new Cue.None();
            }
            // A partial quote inside narrative with no speech verb ("Trump attacked “the hateful
            // ideology …”"): the words are the person the sentence is about, its named subject.
            Token subject = context.lastNamedPersonSubject(first, Integer.MAX_VALUE);
            return subject != null ? new Cue.NamedSpeaker(subject) : new Cue.None();
        }

        private Token nearestCue(QuoteSpan span, List<Sentence> sentences) {
            List<Token> inside = context.inside(span);
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
                    if (!isCue(t) || context.insideAnyQuote(t)) {
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

        Token governingCue(List<Token> inside) {
            return CueFinder.governingCue(context, lexicon, inside);
        }

        /** A speech verb, "put it" ("as Tom Ridge put it: “…”") or "shot back". */
        private boolean isCue(Token t) {
            return lexicon.isQuoteCue(t, context.sentence(t.sentence()), tokens);
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
            while (at >= 0 && Character.isWhitespace(text.charAt(at))) {
                at--;
            }
            if (at < 0) {
                return null;
            }
            char mark = text.charAt(at);
            Token last = context.tokenEndingAt(at + 1);
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
            for (Token t : context.sentence(last.sentence()).tokens()) {
                if (t.index() < last.index() && isCue(t) && !context.insideAnyQuote(t)) {
                    best = t;
                }
            }
            return best;
        }

        /**
         * “…?” Graham asked. — the splitter ends the sentence inside the quote,
         * so the cue opens the next sentence: a speech verb among its first
         * words, when nothing but the quote is left in the quote's sentence.
         */
        private Token cueOpeningNextSentence(QuoteSpan span) {
            int last = context.lastSentence(span);
            if (last + 1 >= context.parsed.sentences().size()) {
                return null;
            }
            boolean quoteEndsSentence = context.sentence(last).tokens().stream()
                    .noneMatch(t -> t.begin() >= span.outerEnd() && !t.isPunctuation());
            if (!quoteEndsSentence) {
                return null;
            }
            List<Token> next = context.sentence(last + 1).tokens();
            if (text.substring(Math.min(span.outerEnd(), next.get(0).begin()), next.get(0).begin()).indexOf('\n') >= 0) {
                return null; // a new paragraph is someone else's words, not the cue of this quote
            }
            for (int i = 0; i < Math.min(OPENING_CUE_WINDOW, next.size()); i++) {
                Token t = next.get(i);
                if (context.insideAnyQuote(t)) {
                    return null;
                }
                if (isCue(t)) {
                    // A cue followed by a quote of its own sentence introduces that quote instead.
                    int sentenceEnd = next.get(next.size() - 1).end();
                    boolean ownQuote = context.spans.stream()
                            .filter(o -> o.outerBegin() > t.begin() && o.outerBegin() < sentenceEnd)
                            .anyMatch(o -> t.equals(governingCue(context.inside(o))));
                    return ownQuote ? null : t;
                }
            }
            return null;
        }

        /** "According to Limbaugh, “…”": the name after "according to" in the quote's sentence, outside quotes. */
        private Cue accordingTo(List<Sentence> sentences, QuoteSpan span) {
            for (Sentence sentence : sentences) {
                List<Token> words = sentence.tokens();
                for (int i = 0; i + 1 < words.size(); i++) {
                    if (!words.get(i).word().equalsIgnoreCase("according") || !words.get(i + 1).word().equalsIgnoreCase("to")
                            || context.insideAnyQuote(words.get(i))) {
                        continue;
                    }
                    for (int j = i + 2; j < Math.min(words.size(), i + 7); j++) {
                        Token t = words.get(j);
                        if (context.insideAnyQuote(t) || t.word().equals(",")) {
                            break;
                        }
                        if (context.isSpeakerName(t)) {
                            return new Cue.AccordingTo(words.get(i), t);
                        }
                    }
                }
            }
            return null;
        }

        /**
         * A quote after a colon, with no speech verb: a person named right
         * before the colon ("… doesn't surprise pollster Daron Shaw: “…”"), a
         * name for a sentence ("Said Ellis: “…”"), or the named subject of the
         * sentence ("Obama rolled out a new message: “It's about me.”").
         */
        private Cue introducedByColon(QuoteSpan span) {
            int before = span.outerBegin() - 1;
            while (before >= 0 && Character.isWhitespace(text.charAt(before))) {
                before--;
            }
            if (before < 0 || text.charAt(before) != ':') {
                return null;
            }
            Sentence sentence = context.sentence(context.sentenceAt(before));
            Token colon = context.tokenEndingAt(before + 1);
            if (colon != null && colon.index() > 0) {
                DocumentEntity named = context.nameEntity(colon.index() - 1);
                if (named != null && named.type() == EntityType.PERSON) {
                    return new Cue.NamedSpeaker(tokens.get(colon.index() - 1));
                }
            }
            for (Dependency root : sentence.dependencies()) {
                if (root.governor() >= 0) {
                    continue;
                }
                if (context.isSpeakerName(tokens.get(root.dependent()))) {
                    return new Cue.NamedSpeaker(tokens.get(root.dependent()));
                }
                for (Dependency d : sentence.dependentsOf(root.dependent())) {
                    if (d.relation().startsWith("nsubj") && d.dependent() < tokens.size()) {
                        Token subject = tokens.get(d.dependent());
                        if (context.isSpeakerName(subject) && !context.isPlural(sentence, subject)) {
                            return new Cue.NamedSpeaker(subject);
                        }
                    }
                }
            }
            return null;
        }

        /**
         * A quote with no speech verb signed on its own line, as reader comments
         * and vox pops are: {@code “…” ― Pamela Padilla} or {@code Pamela Padilla: “…”},
         * or a fact-check's {@code - Bernie Sanders.} on the next line. Null when
         * there is no signature, or it names an entity that cannot speak.
         */
        private Cue signedQuote(QuoteSpan span) {
            int lineEnd = text.indexOf('\n', span.outerEnd());
            int afterEnd = lineEnd < 0 ? text.length() : lineEnd;
            if (afterEnd - span.outerEnd() <= SIGNATURE_LINE) {
                Matcher signature = SIGNATURE_AFTER.matcher(text.substring(span.outerEnd(), afterEnd));
                if (signature.matches()) {
                    return signer(span.outerEnd() + signature.start(1), span.outerEnd() + signature.end(1));
                }
            }
            if (lineEnd >= 0 && text.substring(span.outerEnd(), lineEnd).isBlank()) {
                // Fact-check style: the quote a paragraph of its own, "- Bernie Sanders." the next one.
                int nextStart = lineEnd;
                while (nextStart < text.length() && Character.isWhitespace(text.charAt(nextStart))) {
                    nextStart++;
                }
                int nextEnd = text.indexOf('\n', nextStart);
                nextEnd = nextEnd < 0 ? text.length() : nextEnd;
                if (nextEnd - nextStart <= SIGNATURE_LINE) {
                    Matcher below = SIGNATURE_AFTER.matcher(text.substring(nextStart, nextEnd));
                    if (below.matches()) {
                        return signer(nextStart + below.start(1), nextStart + below.end(1));
                    }
                }
            }
            int lineStart = text.lastIndexOf('\n', span.outerBegin() - 1) + 1;
            if (span.outerBegin() - lineStart <= SIGNATURE_LINE) {
                Matcher label = SIGNATURE_BEFORE.matcher(text.substring(lineStart, span.outerBegin()));
                if (label.matches()) {
                    return signer(lineStart + label.start(1), lineStart + label.end(1));
                }
            }
            return null;
        }

        private Cue signer(int begin, int end) {
            for (Token t : context.covered(begin, end)) {
                DocumentEntity entity = context.nameEntity(t);
                if (entity != null) {
                    return QuoteContext.SPEAKER_TYPES.contains(entity.type()) ? new Cue.NamedSpeaker(t) : null;
                }
            }
            return new Cue.SignedWords(text.substring(begin, end));
        }
    }
}
