package newsroom.nlp.phrases;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import newsroom.nlp.text.Token;

/**
 * Ranks a document's key phrases: noun phrases of the form adjective* noun+
 * read off the part-of-speech tags, hyphenated compounds kept whole
 * ("multi-dimensional relationship", "North-South gas pipeline"). A phrase
 * scores by how often it occurs, how early it first occurs and how many words
 * it has. People's names are left to the entities: a name ends a phrase. The best phrase scores 1.
 */
public final class KeyPhraseExtractor {

    static final int MAX_PHRASES = 10;
    private static final Set<String> WEAK_ADJECTIVES = Set.of(
            "other", "such", "many", "several", "own", "same", "more", "most", "much", "few", "certain", "each");
    private static final Set<String> WEAK_NOUNS = Set.of(
            "thing", "way", "lot", "part", "kind", "number", "time", "year", "day", "people", "area", "one", "other", "country");

    public List<ScoredPhrase> extract(String text, List<Token> tokens) {
        Map<String, Candidate> candidates = new LinkedHashMap<>();
        for (List<Unit> phrase : phrases(units(tokens))) {
            String key = String.join(" ", phrase.stream().map(Unit::key).toList());
            int begin = phrase.get(0).begin;
            Candidate c = candidates.computeIfAbsent(key,
                    k -> new Candidate(text.substring(begin, phrase.get(phrase.size() - 1).end), begin, phrase.size()));
            c.count++;
        }
        int length = Math.max(1, text.length());
        List<Candidate> ranked = candidates.values().stream()
                .peek(c -> c.score = c.count * (2.0 - (double) c.firstBegin / length) * (1.0 + 0.5 * (c.words - 1)))
                .sorted(Comparator.comparingDouble((Candidate c) -> -c.score).thenComparingInt(c -> c.firstBegin))
                .limit(MAX_PHRASES)
                .toList();
        double best = ranked.isEmpty() ? 1 : ranked.get(0).score;
        return ranked.stream().map(c -> new ScoredPhrase(c.text, c.score / best)).toList();
    }

    /** Maximal runs of adjective* noun+, without weak leading adjectives or person names. */
    private static List<List<Unit>> phrases(List<Unit> units) {
        List<List<Unit>> phrases = new ArrayList<>();
        List<Unit> run = new ArrayList<>();
        for (Unit unit : units) {
            boolean continues = !unit.person
                    && (unit.noun || unit.adjective && (run.isEmpty() || !run.get(run.size() - 1).noun));
            if (!continues) {
                addPhrase(phrases, run);
                run = new ArrayList<>();
                if (unit.adjective && !unit.person) {
                    run.add(unit);
                }
            } else {
                run.add(unit);
            }
        }
        addPhrase(phrases, run);
        return phrases;
    }

    private static void addPhrase(List<List<Unit>> phrases, List<Unit> run) {
        List<Unit> phrase = new ArrayList<>(run);
        while (!phrase.isEmpty() && phrase.get(0).adjective && WEAK_ADJECTIVES.contains(phrase.get(0).key())) {
            phrase.remove(0);
        }
        if (phrase.isEmpty() || !phrase.get(phrase.size() - 1).noun) {
            return;
        }
        if (phrase.size() == 1 && WEAK_NOUNS.contains(phrase.get(0).key())) {
            return;
        }
        phrases.add(phrase);
    }

    /** Tokens with hyphenated compounds ("high - level") joined into one unit. */
    private static List<Unit> units(List<Token> tokens) {
        List<Unit> units = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            int j = i;
            while (j + 2 < tokens.size() && tokens.get(j + 1).word().equals("-")
                    && tokens.get(j).end() == tokens.get(j + 1).begin()
                    && tokens.get(j + 1).end() == tokens.get(j + 2).begin()
                    && tokens.get(j).sentence() == tokens.get(j + 2).sentence()) {
                j += 2;
            }
            units.add(Unit.of(tokens.subList(i, j + 1)));
            i = j + 1;
        }
        return units;
    }

    /** A token or a hyphenated compound of tokens. */
    private record Unit(String key, int begin, int end, boolean noun, boolean adjective, boolean person) {

        static Unit of(List<Token> parts) {
            Token first = parts.get(0);
            Token last = parts.get(parts.size() - 1);
            if (parts.size() == 1) {
                return new Unit(first.isNoun() ? first.key() : first.word().toLowerCase(Locale.ROOT), first.begin(),
                        first.end(), first.isNoun(), first.isAdjective(),
                        first.ner().equals("PERSON"));
            }
            // "high-level", "two-day": a compound with an adjective or number in it modifies a noun.
            boolean modifier = parts.stream().anyMatch(t -> t.isAdjective() || t.tag().equals("CD"));
            String key = String.join("", parts.stream().map(t -> t.word().toLowerCase(Locale.ROOT)).toList());
            return new Unit(key, first.begin(), last.end(), !modifier && last.isNoun(), modifier, false);
        }
    }

    private static final class Candidate {
        final String text;
        final int firstBegin;
        final int words;
        int count;
        double score;

        Candidate(String text, int firstBegin, int words) {
            this.text = text;
            this.firstBegin = firstBegin;
            this.words = words;
        }
    }
}
