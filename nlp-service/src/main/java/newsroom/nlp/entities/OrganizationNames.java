package newsroom.nlp.entities;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import newsroom.nlp.text.ParsedText;
import newsroom.nlp.text.Token;

/**
 * Joins the pieces NER made of one long organisation name into one
 * ORGANIZATION mention. CoreNLP's tagger often reads the place or person
 * inside such a name as a name of its own ("University of" O, "California"
 * STATE_OR_PROVINCE; "Max Planck" PERSON, "Institute" ORGANIZATION, "for
 * Human Development" O), and the clusterer can then only join the pieces to
 * the wrong entities.
 *
 * <p>A name is built around a head word that only organisations have
 * (University, Universidad, Institute, Council, Committee, Foundation, Fund,
 * Association, Agency, Organisation, Red Cross, Sans Frontières...): the
 * capitalised words right before it ("Norwegian Refugee Council", "Max Planck
 * Institute"), for a Spanish, French, Italian or Portuguese head the
 * capitalised words right after it ("Universidad Nacional Autónoma"), then any
 * number of complements, a connector ("of", "for", "de",
 * "für", "of the", "and"...) and capitalised words: "International Committee
 * of the Red Cross". This is CoNLL-2003's convention too: "Bank of Japan",
 * "British Heart Foundation" and "Bosnian Association for Refugees and
 * Displaced Persons" are one ORG span there.
 *
 * <p>The pieces are joined only when the name covers at least one NER name
 * and is not already one: a name NER did not see at all stays unseen, and a
 * name NER tagged whole keeps its span and type, unless that type is PERSON
 * ("Médecins Sans Frontières"). Before joining, an organisation NER ran
 * together with the next at "and the" is split in two ("the Max Planck
 * Institute for Human Development and the International Committee of the Red
 * Cross"), when each part has a head. Refused: a complement that
 * is a person ("Ayesha Khan of the Norwegian Refugee Council" leaves the
 * person out, and "the Council of Sergey Lavrov" stops before him), a
 * complement after "and" that has a head or a name of its own ("Council of
 * Europe and NATO", "Oxford University and Yale University"), a complement
 * ending in a nationality ("Association of British insurers"), a
 * name that would cut a NER name in two, and a country's "Russian Federation".
 */
public final class OrganizationNames {

    private static final Set<String> HEADS = Set.of(
            "University", "Universidad", "Universität", "Universitat", "Université", "Universite", "Università",
            "Universita", "Universiteit", "Universidade",
            "Institute", "Institut", "Instituto", "Istituto",
            "Council", "Committee", "Comité", "Comite", "Foundation", "Fundación", "Fundacion", "Fundação",
            "Fondation", "Fondazione", "Stiftung", "Fund", "Federation", "Fédération", "Association", "Asociación",
            "Associação", "Associazione", "Agency", "Agence", "Agencia", "Organisation", "Organization",
            "Organización", "Organizzazione");
    /** Heads of two words: the first word alone is no head ("Red Sea", "Sans"). */
    private static final List<List<String>> TWO_WORD_HEADS = List.of(
            List.of("Red", "Cross"), List.of("Red", "Crescent"), List.of("Sans", "Frontières"),
            List.of("Sans", "Frontieres"), List.of("Without", "Borders"));
    /** Heads of languages that put adjectives after the noun: "Universidad Nacional Autónoma". */
    private static final Set<String> ROMANCE_HEADS = Set.of(
            "Universidad", "Université", "Universite", "Università", "Universita", "Universidade", "Instituto",
            "Istituto", "Comité", "Fundación", "Fundacion", "Fundação", "Fondation", "Fondazione", "Fédération",
            "Asociación", "Associação", "Associazione", "Agence", "Agencia", "Organización", "Organizzazione");
    private static final Set<String> UNIVERSITIES = Set.of(
            "University", "Universidad", "Universität", "Universitat", "Université", "Universite", "Università",
            "Universita", "Universiteit", "Universidade");
    private static final Set<String> CONNECTORS = Set.of(
            "of", "for", "on", "de", "des", "du", "del", "della", "di", "da", "do", "dos", "das", "la", "le", "les",
            "für", "fur", "zur", "zum");
    /** Joins a second complement of words NER left untagged ("for Security and Cooperation"). */
    private static final Set<String> AND = Set.of("and", "&", "y", "et", "und", "e");
    private static final Set<String> NAME_TAGS = Set.of("O", "PERSON", "ORGANIZATION", "LOCATION", "CITY", "COUNTRY",
            "STATE_OR_PROVINCE", "NATIONALITY", "MISC", "RELIGION", "IDEOLOGY");
    private static final Set<String> PLACES = Set.of("LOCATION", "CITY", "COUNTRY", "STATE_OR_PROVINCE");

    /** The names with every organisation NER split replaced by one ORGANIZATION mention, in text order. */
    public List<NameMention> join(List<NameMention> names, ParsedText parsed) {
        List<Token> tokens = parsed.tokens();
        List<NameMention> result = splitAtAndThe(names, parsed, tokens);
        int i = 0;
        while (i < tokens.size()) {
            int headLength = headLength(tokens, i);
            if (headLength == 0) {
                i++;
                continue;
            }
            int first = i;
            while (first > 0 && sameSentence(tokens, first - 1, i) && isNameWord(tokens.get(first - 1))) {
                first--;
            }
            int last = afterHead(tokens, i, i + headLength - 1);
            joinIfSplit(result, parsed, tokens, first, last);
            i = last + 1;
        }
        result.sort(Comparator.comparingInt(NameMention::begin));
        return result;
    }

    /** The last token of the name whose head ends at {@code headEnd}: the words after it, then its complements. */
    private static int afterHead(List<Token> tokens, int head, int headEnd) {
        // An English head ends its words: a title-case headline runs on ("Security Council Condemns Attack").
        int last = ROMANCE_HEADS.contains(tokens.get(head).word()) ? endOfWords(tokens, headEnd + 1, head) - 1 : headEnd;
        for (int next = complementEnd(tokens, head, last); next > last; next = complementEnd(tokens, head, last)) {
            last = next;
        }
        return campusEnd(tokens, head, last);
    }

    /** The last token of the complement right after {@code last} ("of the Red Cross"), else {@code last}. */
    private static int complementEnd(List<Token> tokens, int head, int last) {
        boolean university = UNIVERSITIES.contains(tokens.get(head).word());
        int j = last + 1;
        boolean and = j < tokens.size() && sameSentence(tokens, j, head) && AND.contains(tokens.get(j).word());
        if (and) {
            j++;
        }
        int connectors = j;
        boolean at = false;
        while (j < tokens.size() && sameSentence(tokens, j, head) && isConnector(tokens, j, university, j > connectors)) {
            at |= tokens.get(j).word().equals("at");
            j++;
        }
        if (j == connectors && !and) {
            return last;
        }
        int end = endOfWords(tokens, j, head);
        // A nationality ends no name: "Association of British insurers" lost its noun's capital.
        boolean refused = end == j || holds(tokens, j, end, "PERSON") || tokens.get(end - 1).ner().equals("NATIONALITY")
                || and && !andComplement(tokens, j, end)
                || at && !allTagged(tokens, j, end, PLACES);
        return refused ? last : end - 1;
    }

    /**
     * "University of California, Berkeley": a campus, a city after a comma, ends the name of a
     * university with a complement; "Harvard University, Cambridge" and "University of Oxford,
     * England" are a place beside the name.
     */
    private static int campusEnd(List<Token> tokens, int head, int last) {
        int comma = last + 1;
        if (!UNIVERSITIES.contains(tokens.get(head).word()) || last == head || comma + 1 >= tokens.size()
                || !tokens.get(comma).word().equals(",") || !sameSentence(tokens, comma + 1, head)) {
            return last;
        }
        int end = endOfWords(tokens, comma + 1, head);
        return end > comma + 1 && allTagged(tokens, comma + 1, end, Set.of("CITY")) ? end - 1 : last;
    }

    /** A connector at {@code j}; "the" only after another ("of the"), "at" only in a university's name, before a place. */
    private static boolean isConnector(List<Token> tokens, int j, boolean university, boolean afterConnector) {
        String word = tokens.get(j).word();
        return CONNECTORS.contains(word) || afterConnector && word.equals("the") || university && word.equals("at");
    }

    /** Replaces the NER names inside tokens [first, last] by one ORGANIZATION mention, if NER split them. */
    /**
     * Replaces the NER names inside tokens [first, last] by one ORGANIZATION mention, if NER split
     * them, or took the whole name for a person's ("Médecins Sans Frontières" PERSON).
     */
    private static void joinIfSplit(List<NameMention> names, ParsedText parsed, List<Token> tokens, int first, int last) {
        int begin = tokens.get(first).begin();
        int end = tokens.get(last).end();
        List<NameMention> inside = names.stream().filter(n -> n.begin() < end && begin < n.end()).toList();
        boolean whole = inside.size() == 1 && inside.get(0).begin() == begin && inside.get(0).end() == end;
        if (inside.isEmpty() || inside.stream().anyMatch(n -> n.begin() < begin || n.end() > end)
                || whole && inside.get(0).type() != EntityType.PERSON || isCountry(tokens, first, last)) {
            return;
        }
        names.removeAll(inside);
        names.add(new NameMention(parsed.span(begin, end), begin, end, EntityType.ORGANIZATION));
    }

    /**
     * NER's organisations with two names run together at "and the", each part with a head of its
     * own ("the Max Planck Institute for Human Development and the International Committee of the
     * Red Cross"), as two mentions; "and" alone may join one name ("Red Cross and Red Crescent
     * Societies"), "and the" starts another.
     */
    private static List<NameMention> splitAtAndThe(List<NameMention> names, ParsedText parsed, List<Token> tokens) {
        List<NameMention> result = new ArrayList<>();
        for (NameMention name : names) {
            int first = firstTokenAt(tokens, name.begin());
            int split = -1;
            for (int k = first + 1; name.type() == EntityType.ORGANIZATION && k + 2 < tokens.size()
                    && tokens.get(k + 2).end() <= name.end(); k++) {
                if (tokens.get(k).word().equals("and") && tokens.get(k + 1).word().equals("the")
                        && hasHead(tokens, first, k) && hasHead(tokens, k + 2, lastTokenBefore(tokens, name.end()) + 1)) {
                    split = k;
                    break;
                }
            }
            if (split < 0) {
                result.add(name);
                continue;
            }
            int firstEnd = tokens.get(split - 1).end();
            int secondBegin = tokens.get(split + 2).begin();
            result.add(new NameMention(parsed.span(name.begin(), firstEnd), name.begin(), firstEnd, name.type()));
            result.add(new NameMention(parsed.span(secondBegin, name.end()), secondBegin, name.end(), name.type()));
        }
        return result;
    }

    private static int firstTokenAt(List<Token> tokens, int begin) {
        int k = 0;
        while (k < tokens.size() - 1 && tokens.get(k).end() <= begin) {
            k++;
        }
        return k;
    }

    private static int lastTokenBefore(List<Token> tokens, int end) {
        int k = tokens.size() - 1;
        while (k > 0 && tokens.get(k).begin() >= end) {
            k--;
        }
        return k;
    }

    private static boolean hasHead(List<Token> tokens, int from, int to) {
        for (int k = from; k < to; k++) {
            if (headLength(tokens, k) > 0) {
                return true;
            }
        }
        return false;
    }

    /** "Russian Federation": a nationality or country and "Federation" alone name a country. */
    private static boolean isCountry(List<Token> tokens, int first, int last) {
        return last == first + 1 && tokens.get(last).word().equals("Federation")
                && (PLACES.contains(tokens.get(first).ner()) || tokens.get(first).ner().equals("NATIONALITY"));
    }

    /** The number of tokens of a head word starting at {@code i}, 0 for none. */
    private static int headLength(List<Token> tokens, int i) {
        if (HEADS.contains(tokens.get(i).word())) {
            return 1;
        }
        for (List<String> head : TWO_WORD_HEADS) {
            if (i + 1 < tokens.size() && tokens.get(i).word().equals(head.get(0))
                    && tokens.get(i + 1).word().equals(head.get(1)) && sameSentence(tokens, i, i + 1)) {
                return 2;
            }
        }
        return 0;
    }

    /**
     * Words after "and" that continue the name ("for Security and Cooperation"): no head and
     * no name NER saw, which are a second organisation or a place ("Council of Europe and NATO").
     */
    private static boolean andComplement(List<Token> tokens, int from, int to) {
        for (int k = from; k < to; k++) {
            if (headLength(tokens, k) > 0 || !tokens.get(k).ner().equals("O")) {
                return false;
            }
        }
        return true;
    }

    /** The end (exclusive) of the run of name words starting at {@code from}. */
    private static int endOfWords(List<Token> tokens, int from, int sentenceOf) {
        int end = from;
        while (end < tokens.size() && sameSentence(tokens, end, sentenceOf) && isNameWord(tokens.get(end))) {
            end++;
        }
        return end;
    }

    /** A capitalised proper noun, or a capitalised word NER gave a name's tag. */
    private static boolean isNameWord(Token t) {
        return Character.isUpperCase(t.word().codePointAt(0)) && NAME_TAGS.contains(t.ner())
                && (t.tag().startsWith("NNP") || !t.ner().equals("O"));
    }

    private static boolean holds(List<Token> tokens, int from, int to, String ner) {
        for (int k = from; k < to; k++) {
            if (tokens.get(k).ner().equals(ner)) {
                return true;
            }
        }
        return false;
    }

    private static boolean allTagged(List<Token> tokens, int from, int to, Set<String> tags) {
        for (int k = from; k < to; k++) {
            if (!tags.contains(tokens.get(k).ner())) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameSentence(List<Token> tokens, int a, int b) {
        return tokens.get(a).sentence() == tokens.get(b).sentence();
    }
}
