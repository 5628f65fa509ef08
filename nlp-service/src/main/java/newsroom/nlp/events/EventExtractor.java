package newsroom.nlp.events;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import newsroom.nlp.entities.DocumentEntity;
import newsroom.nlp.entities.EntityMention;
import newsroom.nlp.entities.EntityType;
import newsroom.nlp.text.QuoteSpan;
import newsroom.nlp.text.Sentence;
import newsroom.nlp.text.Token;
import newsroom.nlp.time.DocumentTimex;
import newsroom.nlp.time.TimexType;

/**
 * Finds who met, visited, discussed, agreed, criticised or announced what,
 * with whom, where and when, one sentence at a time, from word patterns: a
 * trigger lemma ("meet", "visit", "discuss", "talks"), the entity mentions
 * around it and the prepositions before them. It reads no parse, so it keeps
 * working when the pipeline drops the dependency parser.
 *
 * <ul>
 * <li>Actors: people, organizations and places mentioned before a verb
 * trigger in its clause (back to a comma, a colon or a verb of another
 * clause), not after a preposition ("Pakistan and Russia discussed"). A noun
 * trigger ("the talks with ...") takes them from the whole sentence before it.
 * <li>Participants: people, organizations and countries after "with", or named right
 * after the trigger as its object ("met Qureshi").
 * <li>Location: a GPE or LOCATION after "in", "at", "to" or "into", or the
 * object of "visit"; date: the sentence's first dated expression.
 * </ul>
 * Words inside quotation marks are the speaker's, not the reporter's: they are
 * skipped, as "we" and "our" name nobody. A sentence reports at most one
 * event of each type; a trigger with no actor reports none.
 *
 * <p>Input: the sentences (words, POS tags, lemmas), the entities with all their
 * mentions, the resolved date expressions and the quote spans. Output: the
 * events in text order.
 */
public final class EventExtractor {

    private static final Map<String, EventType> VERB_TRIGGERS = Map.ofEntries(
            Map.entry("meet", EventType.MEET),
            Map.entry("visit", EventType.VISIT), Map.entry("arrive", EventType.VISIT),
            Map.entry("travel", EventType.VISIT), Map.entry("tour", EventType.VISIT),
            Map.entry("discuss", EventType.DISCUSS), Map.entry("debate", EventType.DISCUSS),
            Map.entry("agree", EventType.AGREE), Map.entry("sign", EventType.AGREE),
            Map.entry("criticise", EventType.CRITICIZE), Map.entry("criticize", EventType.CRITICIZE),
            Map.entry("condemn", EventType.CRITICIZE), Map.entry("denounce", EventType.CRITICIZE),
            Map.entry("slam", EventType.CRITICIZE),
            Map.entry("announce", EventType.ANNOUNCE), Map.entry("unveil", EventType.ANNOUNCE));
    /** Nouns that report an event on their own ("the talks with Lavrov", "his visit to Moscow"). */
    private static final Map<String, EventType> NOUN_TRIGGERS = Map.of(
            "talks", EventType.MEET, "meeting", EventType.MEET, "summit", EventType.MEET,
            "visit", EventType.VISIT, "agreement", EventType.AGREE, "announcement", EventType.ANNOUNCE);
    private static final Set<String> PLACE_PREPOSITIONS = Set.of("in", "at", "to", "into");
    private static final Set<String> PARTNER_PREPOSITIONS = Set.of("with");
    private static final Set<String> AUXILIARIES = Set.of("be", "have", "do");
    /** Words that open a subordinate clause, whose subject is not the trigger's ("after the ministry announced"). */
    private static final Set<String> SUBORDINATORS = Set.of("after", "before", "because", "when", "while", "as",
            "although", "though", "that", "if", "since", "until", "whereas", "whether");
    private static final Set<String> CLAUSE_BREAKS = Set.of(";", ":", "--", "—");
    private static final Set<EntityType> ACTOR_TYPES = EnumSet.of(EntityType.PERSON, EntityType.ORGANIZATION,
            EntityType.GPE);
    private static final Set<EntityType> PARTICIPANT_TYPES = EnumSet.of(EntityType.PERSON, EntityType.ORGANIZATION,
            EntityType.GPE);
    private static final Set<EntityType> PLACE_TYPES = EnumSet.of(EntityType.GPE, EntityType.LOCATION);

    /** One mention of an entity as tokens {@code first..last} of a sentence. */
    private record Placed(DocumentEntity entity, int first, int last) {
    }

    public List<DocumentEvent> extract(List<Sentence> sentences, List<DocumentEntity> entities,
            List<DocumentTimex> dates, List<QuoteSpan> quotes) {
        List<DocumentEvent> events = new ArrayList<>();
        for (Sentence sentence : sentences) {
            List<Token> words = sentence.tokens().stream().filter(t -> !quoted(t, quotes)).toList();
            if (words.isEmpty()) {
                continue;
            }
            List<Placed> placed = place(words, entities);
            Set<EventType> reported = EnumSet.noneOf(EventType.class);
            for (int i = 0; i < words.size(); i++) {
                Token t = words.get(i);
                EventType type = t.isVerb() ? VERB_TRIGGERS.get(t.key())
                        : t.isNoun() ? NOUN_TRIGGERS.get(t.word().toLowerCase(java.util.Locale.ROOT)) : null;
                if (type == null || reported.contains(type) || covered(i, placed)) {
                    continue;
                }
                DocumentEvent event = event(type, i, words, placed, sentence, dates);
                if (event != null) {
                    events.add(event);
                    reported.add(type);
                }
            }
        }
        return events;
    }

    private DocumentEvent event(EventType type, int trigger, List<Token> words, List<Placed> placed, Sentence sentence,
            List<DocumentTimex> dates) {
        boolean verb = words.get(trigger).isVerb();
        int clauseStart = verb ? clauseStart(words, trigger) : sentenceStart(words, trigger);
        int clauseEnd = clauseEnd(words, trigger);
        LinkedHashSet<String> actors = new LinkedHashSet<>();
        LinkedHashSet<String> participants = new LinkedHashSet<>();
        String location = "";
        for (Placed p : placed) {
            String before = prepositionBefore(words, p.first(), placed);
            EntityType entityType = p.entity().type();
            boolean inClause = verb ? p.first() >= clauseStart && p.first() <= clauseEnd : true;
            if (PLACE_PREPOSITIONS.contains(before) && PLACE_TYPES.contains(entityType)) {
                if (location.isEmpty() && inClause) {
                    location = p.entity().id();
                }
            } else if (modifiesANoun(words, p)) {
                continue; // "Manchester hotels", "UK Foreign Secretary Jack Straw", "Blair's government"
            } else if (PARTNER_PREPOSITIONS.contains(before) && PARTICIPANT_TYPES.contains(entityType)) {
                participants.add(p.entity().id());
            } else if (p.last() < trigger && p.first() >= clauseStart && before.isEmpty()
                    && ACTOR_TYPES.contains(entityType)) {
                actors.add(p.entity().id());
            } else if (p.first() > trigger && p.first() <= clauseEnd && before.isEmpty()
                    && noPrepositionBetween(words, trigger, p.first())) {
                if (type == EventType.VISIT && PLACE_TYPES.contains(entityType) && location.isEmpty()) {
                    location = p.entity().id(); // "visited Moscow"
                } else if (PARTICIPANT_TYPES.contains(entityType)) {
                    participants.add(p.entity().id()); // "met Qureshi", "criticised the ministry"
                }
            }
        }
        participants.removeAll(actors);
        if (actors.isEmpty()) {
            return null;
        }
        // A meeting needs two sides: "would meet his fiscal rules" and "the G8 summit" are none.
        if (type == EventType.MEET && participants.isEmpty() && (!verb || actors.size() < 2)) {
            return null;
        }
        if (type == EventType.VISIT && location.isEmpty()) {
            return null;
        }
        String topic = type == EventType.MEET || type == EventType.VISIT || !verb ? "" : topic(words, trigger, placed);
        String date = dates.stream()
                .filter(d -> d.begin() >= sentence.begin() && d.end() <= sentence.end())
                .filter(d -> d.type() == TimexType.DATE || d.type() == TimexType.TIME)
                .filter(d -> !d.value().isEmpty() && Character.isDigit(d.value().charAt(0)))
                .map(DocumentTimex::value)
                .findFirst().orElse("");
        return new DocumentEvent(type, words.get(trigger).word(), List.copyOf(actors), List.copyOf(participants), topic,
                location, date, sentence.begin(), sentence.end());
    }

    /** The mentions of entities in a sentence's words, each as its first and last word index. */
    private static List<Placed> place(List<Token> words, List<DocumentEntity> entities) {
        List<Placed> placed = new ArrayList<>();
        Map<Integer, Integer> position = new HashMap<>();
        for (int i = 0; i < words.size(); i++) {
            position.put(words.get(i).begin(), i);
        }
        for (DocumentEntity e : entities) {
            for (EntityMention m : e.mentions()) {
                Integer first = position.get(m.begin());
                if (first == null) {
                    continue;
                }
                int last = first;
                while (last + 1 < words.size() && words.get(last + 1).end() <= m.end()) {
                    last++;
                }
                placed.add(new Placed(e, first, last));
            }
        }
        placed.sort(java.util.Comparator.comparingInt(Placed::first));
        return placed;
    }

    /** A name used as a modifier: followed by a noun or a possessive "'s". */
    private static boolean modifiesANoun(List<Token> words, Placed p) {
        if (p.last() + 1 >= words.size()) {
            return false;
        }
        Token next = words.get(p.last() + 1);
        return next.tag().equals("POS") || next.isNoun();
    }

    /** Whether the words between a trigger and a mention hold no preposition ("met Italian Prime Minister X"). */
    private static boolean noPrepositionBetween(List<Token> words, int trigger, int first) {
        for (int i = trigger + 1; i < first; i++) {
            String tag = words.get(i).tag();
            if (tag.equals("IN") || tag.equals("TO") || tag.startsWith("W")) {
                return false;
            }
        }
        return true;
    }

    private static boolean covered(int word, List<Placed> placed) {
        return placed.stream().anyMatch(p -> p.first() <= word && word <= p.last());
    }

    /**
     * The preposition that governs a mention, lower case, or "" for none:
     * the word before it, skipping determiners, and for a coordinated mention
     * ("with Lavrov and Qureshi") the preposition of the mention before it.
     */
    private static String prepositionBefore(List<Token> words, int first, List<Placed> placed) {
        int i = first - 1;
        while (i >= 0 && (words.get(i).tag().equals("DT") || words.get(i).tag().equals("PRP$"))) {
            i--;
        }
        if (i < 0) {
            return "";
        }
        Token before = words.get(i);
        if (before.tag().equals("IN") || before.tag().equals("TO")) {
            return before.word().toLowerCase(java.util.Locale.ROOT);
        }
        if (before.tag().equals("CC")) {
            for (Placed p : placed) {
                if (p.last() == i - 1) {
                    return prepositionBefore(words, p.first(), placed);
                }
            }
        }
        return "";
    }

    /**
     * Where a verb trigger's clause starts: after a comma, a clause break, a
     * word that opens a subordinate clause, or the verb of another clause
     * (a verb that leads into the trigger with "to", "is expected to
     * announce", is part of the trigger's clause).
     */
    private static int clauseStart(List<Token> words, int trigger) {
        for (int i = trigger - 1; i >= 0; i--) {
            Token t = words.get(i);
            boolean catenative = i + 1 < words.size() && words.get(i + 1).tag().equals("TO");
            if (t.word().equals(",") || CLAUSE_BREAKS.contains(t.word())
                    || t.tag().equals("IN") && SUBORDINATORS.contains(t.word().toLowerCase(java.util.Locale.ROOT))
                    || t.tag().startsWith("W")
                    || t.isVerb() && !AUXILIARIES.contains(t.key()) && !catenative) {
                return i + 1;
            }
        }
        return 0;
    }

    private static int sentenceStart(List<Token> words, int trigger) {
        for (int i = trigger - 1; i >= 0; i--) {
            if (CLAUSE_BREAKS.contains(words.get(i).word())) {
                return i + 1;
            }
        }
        return 0;
    }

    /** The last word of the trigger's clause: before the next comma, clause break or verb. */
    private static int clauseEnd(List<Token> words, int trigger) {
        for (int i = trigger + 1; i < words.size(); i++) {
            Token t = words.get(i);
            if (t.word().equals(",") || CLAUSE_BREAKS.contains(t.word()) || t.isVerb() || t.tag().equals("MD")) {
                return i - 1;
            }
        }
        return words.size() - 1;
    }

    /**
     * The noun phrase right after a verb trigger ("discussed the Afghan peace
     * process", "announced new sanctions on ..."), up to its first preposition
     * other than "of"; empty when the verb is followed by anything else ("agreed to").
     */
    private static String topic(List<Token> words, int trigger, List<Placed> placed) {
        int end = trigger;
        for (int i = trigger + 1; i < words.size() && i <= trigger + 10; i++) {
            Token t = words.get(i);
            boolean date = Set.of("DATE", "TIME", "DURATION", "SET").contains(t.ner());
            boolean nominal = !date && (t.isNoun() || t.isAdjective()
                    || Set.of("DT", "PRP$", "CD", "HYPH", "POS").contains(t.tag()));
            boolean of = t.word().equals("of") && i + 1 < words.size() && end > trigger;
            if (!nominal && !of) {
                break;
            }
            end = i;
        }
        while (end > trigger && !words.get(end).isNoun()) {
            end--;
        }
        if (end == trigger) {
            return "";
        }
        int from = trigger + 1;
        int to = end;
        boolean onlyAParticipant = placed.stream().anyMatch(p -> p.first() <= from + 1 && p.last() >= to
                && PARTICIPANT_TYPES.contains(p.entity().type()));
        return onlyAParticipant ? "" : spanText(words, from, to);
    }

    private static String spanText(List<Token> words, int from, int to) {
        StringBuilder text = new StringBuilder();
        for (int i = from; i <= to; i++) {
            if (i > from && words.get(i).begin() > words.get(i - 1).end()) {
                text.append(' ');
            }
            text.append(words.get(i).word());
        }
        return text.toString();
    }

    private static boolean quoted(Token t, List<QuoteSpan> quotes) {
        return QuoteSpan.anyContains(quotes, t.begin(), t.end());
    }
}
