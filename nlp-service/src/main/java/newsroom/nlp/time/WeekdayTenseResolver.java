package newsroom.nlp.time;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import newsroom.nlp.text.Token;

/**
 * Resolves bare weekdays ("on Thursday", "Monday evening") by the tense of
 * their clause, as a reader of news does: "met on Monday" is the last Monday,
 * "will meet on Monday" and "is due to travel on Thursday" the next one.
 * SUTime places every weekday in the publication week whatever the tense.
 * The publication day's own weekday is the publication day in either tense,
 * the convention of daily news ("talks on Wednesday" in a Wednesday paper).
 *
 * <p>Input: the SUTime expressions, the document's tokens (words, POS tags,
 * lemmas, sentence indices; no parse) and the publication date. Output: the
 * same expressions, bare weekdays with a tense re-dated. A weekday with
 * "last", "next" or "this", or whose clause has no tense to read, keeps its
 * SUTime value.
 */
public final class WeekdayTenseResolver {

    /** The tense a clause places its events in, seen from the publication day. */
    enum Tense {
        PAST,
        FUTURE,
        /** A finite verb group whose time cannot be read ("would go" in reported speech). */
        UNKNOWN,
        /** A verb group with no tense of its own ("the talks planned for Monday"): look further. */
        NOT_FINITE
    }

    private static final Pattern BARE_WEEKDAY = Pattern.compile(
            "(?i)(?:on\\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?:\\s+(?:morning|afternoon|evening|night))?");
    private static final Pattern DATED_VALUE = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}");
    /** Quotation marks are not among them: a quoted title ("will publish his "Budget" on Monday") is no new clause. */
    private static final Set<String> CLAUSE_BREAKS = Set.of(";", ":", "--", "—", "-LRB-", "-RRB-");
    /** Modal verbs that look ahead; "would" is left out: it is also the past of "will" in reported speech. */
    private static final Set<String> FUTURE_MODALS = Set.of("will", "shall", "'ll", "wo", "can", "may", "might",
            "must", "should", "could");

    public List<DocumentTimex> resolve(List<DocumentTimex> expressions, List<Token> tokens, LocalDate published) {
        List<DocumentTimex> resolved = new ArrayList<>();
        for (DocumentTimex e : expressions) {
            resolved.add(resolveOne(e, tokens, published).orElse(e));
        }
        return resolved;
    }

    private Optional<DocumentTimex> resolveOne(DocumentTimex e, List<Token> tokens, LocalDate published) {
        Matcher bare = BARE_WEEKDAY.matcher(e.text().trim());
        Matcher dated = DATED_VALUE.matcher(e.value());
        if (!bare.matches() || !dated.find()) {
            return Optional.empty();
        }
        List<Token> covered = tokens.stream().filter(t -> t.begin() < e.end() && e.begin() < t.end()).toList();
        if (covered.isEmpty()) {
            return Optional.empty();
        }
        Tense tense = tenseOfClause(tokens, covered.get(0).index(), covered.get(covered.size() - 1).index());
        if (tense == Tense.UNKNOWN) {
            return Optional.empty();
        }
        DayOfWeek day = DayOfWeek.valueOf(bare.group(1).toUpperCase(Locale.ROOT));
        LocalDate date = published.with(tense == Tense.PAST
                ? TemporalAdjusters.previousOrSame(day) : TemporalAdjusters.nextOrSame(day));
        return Optional.of(new DocumentTimex(e.text(), e.begin(), e.end(),
                date + e.value().substring(dated.end()), e.type()));
    }

    /**
     * The tense of the clause around tokens {@code first..last}: the nearest
     * finite verb group before it in the clause, else the first after it
     * ("On Monday, Lavrov met ..."), else the nearest before it across commas.
     */
    Tense tenseOfClause(List<Token> tokens, int first, int last) {
        int sentence = tokens.get(first).sentence();
        Tense before = scan(tokens, first - 1, -1, sentence, true);
        if (before != Tense.NOT_FINITE) {
            return before;
        }
        int start = last + 1;
        if (start < tokens.size() && tokens.get(start).word().equals(",")) {
            start++;
        }
        Tense after = scan(tokens, start, 1, sentence, true);
        if (after != Tense.NOT_FINITE) {
            return after;
        }
        Tense acrossCommas = scan(tokens, first - 1, -1, sentence, false);
        return acrossCommas == Tense.NOT_FINITE ? Tense.UNKNOWN : acrossCommas;
    }

    /** The tense of the first finite verb group from {@code from} on, or NOT_FINITE when the clause has none. */
    private Tense scan(List<Token> tokens, int from, int step, int sentence, boolean stopAtComma) {
        for (int i = from; i >= 0 && i < tokens.size() && tokens.get(i).sentence() == sentence; i += step) {
            Token t = tokens.get(i);
            if (CLAUSE_BREAKS.contains(t.word()) || stopAtComma && t.word().equals(",")) {
                return Tense.NOT_FINITE;
            }
            if (t.isVerb() || t.tag().equals("MD")) {
                Tense tense = tenseOfVerbAt(tokens, i);
                if (tense != Tense.NOT_FINITE) {
                    return tense;
                }
            }
        }
        return Tense.NOT_FINITE;
    }

    /**
     * The tense of the verb group a verb belongs to: its auxiliaries are the
     * modals, verbs, adverbs and "to" just before it ("has not yet been", "is due to").
     */
    Tense tenseOfVerbAt(List<Token> tokens, int index) {
        int head = index;
        while (head + 1 < tokens.size() && tokens.get(head + 1).sentence() == tokens.get(index).sentence()
                && (tokens.get(head + 1).isVerb() || tokens.get(head + 1).tag().equals("RB"))) {
            head++;
        }
        while (!tokens.get(head).isVerb() && head > index) {
            head--;
        }
        Token verb = tokens.get(head);
        if (verb.tag().equals("MD")) {
            return modalTense(verb);
        }
        List<Token> auxiliaries = new ArrayList<>();
        for (int i = head - 1; i >= 0 && tokens.get(i).sentence() == verb.sentence(); i--) {
            Token t = tokens.get(i);
            if (!(t.isVerb() || t.tag().equals("MD") || t.tag().equals("RB") || t.tag().equals("TO"))) {
                break;
            }
            auxiliaries.add(t);
        }
        if (verb.tag().equals("VBN") && auxiliaries.stream().anyMatch(t -> t.key().equals("have"))) {
            return Tense.PAST; // "has met", "had met", "is thought to have been agreed"
        }
        for (Token aux : auxiliaries) {
            if (aux.tag().equals("MD")) {
                return modalTense(aux);
            }
        }
        if (verb.tag().equals("VB") && auxiliaries.stream().anyMatch(t -> t.tag().equals("TO"))) {
            return Tense.FUTURE; // "to travel on Thursday": ahead of the clause that plans it
        }
        Token finite = auxiliaries.stream().filter(t -> t.isVerb() && !t.tag().equals("VBN") && !t.tag().equals("VBG"))
                .reduce((near, far) -> far).orElse(verb);
        return switch (finite.tag()) {
            case "VBD" -> Tense.PAST; // "met", "was meeting", "had met", "did meet"
            case "VBZ", "VBP" -> finite == verb || verb.tag().equals("VBG") || verb.tag().equals("VBN")
                    ? Tense.FUTURE // "travels on Thursday", "is meeting on Monday": news' present looks ahead
                    : Tense.UNKNOWN;
            default -> Tense.NOT_FINITE; // a participle or infinitive with no auxiliary ("the talks planned for Monday")
        };
    }

    private static Tense modalTense(Token modal) {
        return FUTURE_MODALS.contains(modal.word().toLowerCase(Locale.ROOT)) || FUTURE_MODALS.contains(modal.key())
                ? Tense.FUTURE : Tense.UNKNOWN;
    }
}
