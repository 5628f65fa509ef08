package newsroom.nlp.entities;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import newsroom.nlp.text.QuoteSpan;
import newsroom.nlp.text.Token;

/**
 * Joins role phrases that refer to a named person ("the Russian foreign
 * minister", "his Russian counterpart") to that person's entity, as a NOMINAL
 * mention and an alias, where the text supports it.
 *
 * <p>Support is a role the text gives the person next to a name: a title or
 * description before it ("Russian Foreign Minister Sergey Lavrov", "his
 * Russian counterpart Sergey Lavrov") or an appositive after it ("Lavrov, the
 * Russian foreign minister,"). Such a phrase with a determiner is itself a
 * mention of that person. A free phrase ("the Russian foreign minister
 * arrived") joins the one person with a role that fits it: the same
 * nationality, or none on both sides; and the same head noun with no modifier
 * the role lacks ("foreign") and none missing that makes another office
 * ("shadow", "deputy", "prime"), or a head that fits any role ("counterpart",
 * "diplomat", "official"). A phrase that fits no person, or more than one
 * ("the minister" with two ministers in the text), joins none; nor does a
 * phrase inside a quote or one with an "of" complement ("the chairman of the
 * Bar Council").
 *
 * <p>Merges that conflict are rejected: a nationality the person's roles do
 * not have ("the Pakistani minister" never joins Lavrov), a gendered role
 * against the person's gender as the text gives it (an honorific before the
 * name, "Mr."/"Ms.", or the pronouns already joined to the entity), and any
 * entity that is not a PERSON.
 *
 * <p>Input: the entities with their name and pronoun mentions, and the
 * document's tokens (words, POS tags, lemmas, NER tags; no parse). Output:
 * the same entities, in the same order, with the role mentions and aliases added.
 */
public final class RolePhraseLinker {

    enum Gender { MALE, FEMALE, UNKNOWN }

    /** Singular nouns that name a role a person holds; the head of a role phrase. */
    private static final Set<String> ROLE_NOUNS = Set.of(
            "minister", "counterpart", "president", "premier", "chancellor", "secretary", "spokesman",
            "spokeswoman", "spokesperson", "ambassador", "envoy", "diplomat", "leader", "governor", "mayor",
            "senator", "general", "commander", "chairman", "chairwoman", "director", "official", "king", "queen",
            "prince", "princess", "pope", "founder", "lawmaker", "judge", "prosecutor", "negotiator", "adviser",
            "advisor", "politician", "businessman", "businesswoman", "ceo", "chief", "emir", "sultan", "monarch");
    /** Heads that fit whatever role the person was described with, given the other checks. */
    private static final Set<String> ANY_ROLE = Set.of("counterpart", "diplomat", "official", "politician", "leader");
    private static final Set<String> FEMALE_ROLES = Set.of("spokeswoman", "chairwoman", "queen", "princess",
            "businesswoman");
    private static final Set<String> MALE_ROLES = Set.of("spokesman", "chairman", "king", "prince", "businessman",
            "emir", "sultan");
    private static final Set<String> REFERRING_DETERMINERS = Set.of("the", "his", "her", "their", "its");
    /** Modifiers that make another office: "the home secretary" is not the shadow home secretary. */
    private static final Set<String> OFFICE_CHANGING = Set.of("shadow", "former", "deputy", "vice", "acting",
            "junior", "assistant", "prime", "ex", "interim", "outgoing", "opposition");
    private static final Set<String> MALE_WORDS = Set.of("mr", "mr.", "he", "him", "his", "himself");
    private static final Set<String> FEMALE_WORDS = Set.of("ms", "ms.", "mrs", "mrs.", "miss", "she", "her", "hers",
            "herself");

    /** A role phrase: tokens {@code first..head}, the head a role noun. */
    record RolePhrase(int first, int head, String determiner, String headKey, Set<String> modifiers,
            String nationality) {

        Gender gender() {
            return FEMALE_ROLES.contains(headKey) ? Gender.FEMALE
                    : MALE_ROLES.contains(headKey) ? Gender.MALE : Gender.UNKNOWN;
        }
    }

    /**
     * The entities with their role phrases; {@code text} is the text the
     * tokens' offsets index, {@code quotes} the direct quotes in it, whose
     * role phrases are the speaker's words about someone the reader may not
     * know ("the prime minister" in a spokesman's quote) and join nobody.
     */
    public List<DocumentEntity> link(List<DocumentEntity> entities, List<Token> tokens, String text,
            List<QuoteSpan> quotes) {
        Map<Integer, DocumentEntity> nameAt = new HashMap<>();
        // Tokens a role phrase may not take over: names of people and organizations, pronouns, other role phrases.
        Set<Integer> taken = new HashSet<>();
        for (DocumentEntity e : entities) {
            for (EntityMention m : e.mentions()) {
                for (Token t : tokens) {
                    if (t.begin() >= m.begin() && t.end() <= m.end()) {
                        if (m.kind() == MentionKind.NAME) {
                            nameAt.put(t.index(), e);
                        }
                        if (m.kind() != MentionKind.NAME || e.type() == EntityType.PERSON
                                || e.type() == EntityType.ORGANIZATION) {
                            taken.add(t.index());
                        }
                    }
                }
            }
        }
        Map<DocumentEntity, List<RolePhrase>> described = new HashMap<>();
        Map<DocumentEntity, List<RolePhrase>> linked = new HashMap<>();
        List<RolePhrase> free = new ArrayList<>();
        for (Token t : tokens) {
            RolePhrase phrase = phraseEndingAt(tokens, t.index(), nameAt);
            if (phrase == null) {
                continue;
            }
            DocumentEntity named = namedBy(phrase, tokens, nameAt);
            boolean referring = phrase.determiner() != null && REFERRING_DETERMINERS.contains(phrase.determiner());
            if (named != null) {
                if (named.type() == EntityType.PERSON && !conflicts(phrase, gender(named, tokens, nameAt))) {
                    described.computeIfAbsent(named, e -> new ArrayList<>()).add(phrase);
                    if (referring) {
                        linked.computeIfAbsent(named, e -> new ArrayList<>()).add(phrase);
                    }
                }
            } else if (referring && !quoted(tokens.get(phrase.first()), quotes) && !followedByOf(tokens, phrase)) {
                free.add(phrase);
            }
        }
        for (RolePhrase phrase : free) {
            // Everyone holding the office counts towards ambiguity, whatever their nationality.
            List<DocumentEntity> fitting = described.keySet().stream()
                    .filter(person -> described.get(person).stream().anyMatch(r -> sameOffice(phrase, r)
                            && (phrase.nationality() == null || sameNationalityOrNone(phrase, r))))
                    .filter(person -> !conflicts(phrase, gender(person, tokens, nameAt)))
                    .toList();
            if (fitting.size() == 1 && fits(phrase, described.get(fitting.get(0)))) {
                linked.computeIfAbsent(fitting.get(0), e -> new ArrayList<>()).add(phrase);
            }
        }
        List<DocumentEntity> result = new ArrayList<>();
        for (DocumentEntity e : entities) {
            List<RolePhrase> phrases = linked.getOrDefault(e, List.of()).stream()
                    .filter(p -> IntStream.rangeClosed(p.first(), p.head()).noneMatch(taken::contains))
                    .toList();
            result.add(phrases.isEmpty() ? e : withRoles(e, phrases, tokens, text));
        }
        return result;
    }

    /**
     * The role phrase whose head is token {@code head}: the determiner, and the
     * adjectives, nouns, nationalities and possessive places before the head
     * ("his Russian counterpart", "Russia's foreign minister", "Foreign Minister").
     */
    RolePhrase phraseEndingAt(List<Token> tokens, int head, Map<Integer, DocumentEntity> nameAt) {
        Token h = tokens.get(head);
        if (!ROLE_NOUNS.contains(h.key()) || !(h.tag().equals("NN") || h.tag().equals("NNP")) || nameAt.containsKey(head)) {
            return null;
        }
        if (head + 1 < tokens.size() && tokens.get(head + 1).sentence() == h.sentence()
                && !nameAt.containsKey(head + 1)
                && (tokens.get(head + 1).isNoun() || tokens.get(head + 1).tag().equals("POS"))) {
            return null; // not the head: "minister's office", "ministry spokesman"
        }
        Set<String> modifiers = new LinkedHashSet<>();
        String nationality = null;
        String determiner = null;
        int first = head;
        for (int i = head - 1; i >= 0 && tokens.get(i).sentence() == h.sentence(); i--) {
            Token t = tokens.get(i);
            if (isNationality(t, nameAt)) {
                nationality = t.word();
            } else if (t.tag().equals("POS") && i > 0 && nameAt.containsKey(i - 1)
                    && nameAt.get(i - 1).type() == EntityType.GPE) {
                nationality = nameAt.get(i - 1).name(); // "Russia's foreign minister"
            } else if (nameAt.containsKey(i) && nameAt.get(i).type() == EntityType.GPE) {
                nationality = nameAt.get(i).name(); // "Pakistan foreign minister", the name before "'s"
            } else if (nameAt.containsKey(i)) {
                break;
            } else if (t.tag().equals("DT") || t.tag().equals("PRP$")) {
                determiner = t.word().toLowerCase(Locale.ROOT);
                first = i;
                break;
            } else if (t.isAdjective() || t.tag().equals("NN") || t.tag().equals("NNP") || t.tag().equals("HYPH")) {
                if (!t.tag().equals("HYPH")) {
                    modifiers.add(t.key());
                }
            } else {
                break;
            }
            first = i;
        }
        return new RolePhrase(first, head, determiner, h.key(), modifiers, nationality);
    }

    /** A nationality word ("Russian") or a possessive place's name token. */
    private static boolean isNationality(Token t, Map<Integer, DocumentEntity> nameAt) {
        return t.ner().equals("NATIONALITY")
                || nameAt.containsKey(t.index()) && nameAt.get(t.index()).type() == EntityType.MISC && t.isAdjective();
    }

    /** The entity a phrase describes in place: the name right after it, or before it as an appositive. */
    private static DocumentEntity namedBy(RolePhrase phrase, List<Token> tokens, Map<Integer, DocumentEntity> nameAt) {
        int after = phrase.head() + 1;
        if (after < tokens.size() && nameAt.containsKey(after)) {
            return nameAt.get(after);
        }
        int before = phrase.first() - 1;
        boolean closed = after >= tokens.size() || Set.of(",", ".", ";").contains(tokens.get(after).word());
        if (before >= 1 && tokens.get(before).word().equals(",") && nameAt.containsKey(before - 1) && closed
                && phrase.determiner() != null) {
            return nameAt.get(before - 1);
        }
        return null;
    }

    /**
     * Whether a free phrase fits one of the roles the text gives a person: the
     * same nationality or none on both sides (a plain "the prime minister" in
     * a British paper is not the Italian one named earlier), and the same
     * office.
     */
    static boolean fits(RolePhrase phrase, List<RolePhrase> roles) {
        return roles.stream().anyMatch(r -> sameNationalityOrNone(phrase, r) && sameOffice(phrase, r));
    }

    private static boolean sameNationalityOrNone(RolePhrase phrase, RolePhrase role) {
        return phrase.nationality() == null ? role.nationality() == null
                : role.nationality() != null && sameNationality(role.nationality(), phrase.nationality());
    }

    /** A head that fits any role, or the same head with no modifier the role lacks and none that changes the office. */
    private static boolean sameOffice(RolePhrase phrase, RolePhrase role) {
        if (ANY_ROLE.contains(phrase.headKey())) {
            return true;
        }
        if (!role.headKey().equals(phrase.headKey()) || !role.modifiers().containsAll(phrase.modifiers())) {
            return false;
        }
        return role.modifiers().stream().filter(m -> !phrase.modifiers().contains(m)).noneMatch(OFFICE_CHANGING::contains);
    }

    /** "the chairman of the Bar Council": an office of its own, not the one the text gave a person. */
    private static boolean followedByOf(List<Token> tokens, RolePhrase phrase) {
        int next = phrase.head() + 1;
        return next < tokens.size() && tokens.get(next).word().equalsIgnoreCase("of");
    }

    private static boolean quoted(Token t, List<QuoteSpan> quotes) {
        return QuoteSpan.anyContains(quotes, t.begin(), t.end());
    }

    private static boolean conflicts(RolePhrase phrase, Gender person) {
        Gender role = phrase.gender();
        return role != Gender.UNKNOWN && person != Gender.UNKNOWN && role != person;
    }

    /**
     * A person's gender as the text gives it: honorifics right before the
     * person's names and the pronouns joined to the entity; unknown when there
     * are none or they disagree.
     */
    static Gender gender(DocumentEntity person, List<Token> tokens, Map<Integer, DocumentEntity> nameAt) {
        Set<Gender> seen = new HashSet<>();
        for (EntityMention m : person.mentions()) {
            if (m.kind() == MentionKind.PRONOMINAL) {
                seen.add(genderOf(m.text()));
            }
        }
        for (Token t : tokens) {
            if (nameAt.get(t.index()) == person && t.index() > 0 && nameAt.get(t.index() - 1) != person) {
                seen.add(genderOf(tokens.get(t.index() - 1).word()));
            }
        }
        seen.remove(Gender.UNKNOWN);
        return seen.size() == 1 ? seen.iterator().next() : Gender.UNKNOWN;
    }

    private static Gender genderOf(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        return MALE_WORDS.contains(w) ? Gender.MALE : FEMALE_WORDS.contains(w) ? Gender.FEMALE : Gender.UNKNOWN;
    }

    /**
     * Whether a nationality and a place name ("Russian", "Russia's" -> "Russia")
     * are the same country: a common start of four letters or more that leaves
     * at most two letters of the shorter word ("Pakistani"/"Pakistan",
     * "Chinese"/"China", but not "Austrian"/"Australian").
     */
    static boolean sameNationality(String a, String b) {
        String x = plain(a);
        String y = plain(b);
        int common = 0;
        while (common < Math.min(x.length(), y.length()) && x.charAt(common) == y.charAt(common)) {
            common++;
        }
        return x.equals(y) || common >= 4 && common >= Math.min(x.length(), y.length()) - 2;
    }

    private static String plain(String word) {
        return Normalizer.normalize(word, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z]", "");
    }

    private static DocumentEntity withRoles(DocumentEntity e, List<RolePhrase> phrases, List<Token> tokens,
            String text) {
        List<EntityMention> mentions = new ArrayList<>();
        LinkedHashSet<String> aliases = new LinkedHashSet<>(e.aliases());
        for (RolePhrase p : phrases) {
            int begin = tokens.get(p.first()).begin();
            int end = tokens.get(p.head()).end();
            String span = text.substring(begin, end);
            mentions.add(new EntityMention(span, begin, end, MentionKind.NOMINAL));
            // A sentence-initial "The" is the same alias as "the"; a line break inside is a space.
            String alias = span.replaceAll("\\s+", " ");
            aliases.add(p.determiner() == null ? alias : p.determiner() + alias.substring(p.determiner().length()));
        }
        aliases.remove(e.name());
        DocumentEntity more = e.withMentions(mentions);
        return new DocumentEntity(more.id(), more.name(), more.type(), List.copyOf(aliases), more.mentions(),
                more.salience());
    }
}
