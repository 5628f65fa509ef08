package newsroom.nlp.entities;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import newsroom.nlp.text.Token;

/**
 * Finds the surname-only mentions NER missed. News names a person in full
 * once and by surname afterwards ("Pat Caddell" ... "said Caddell"), and the
 * statistical tagger often leaves an unfamiliar surname untagged when it
 * stands alone. A capitalised proper-noun token that equals the last word of a
 * person named in full in the same document, and is not already part of
 * another name, is a mention of that person.
 */
public final class SurnameMentions {

    /** The names plus the missed surname mentions, in text order. */
    public List<NameMention> addTo(List<NameMention> names, List<Token> tokens) {
        Set<String> surnames = new HashSet<>();
        for (NameMention name : names) {
            String[] words = name.text().trim().split("\\s+");
            String last = words[words.length - 1];
            if (name.type() == EntityType.PERSON && words.length >= 2 && last.length() >= 3
                    && Character.isUpperCase(last.codePointAt(0))
                    && last.chars().allMatch(c -> Character.isLetter(c) || c == '\'' || c == '\u2019' || c == '-')) {
                surnames.add(last);
            }
        }
        List<NameMention> all = new ArrayList<>(names);
        if (surnames.isEmpty()) {
            return all;
        }
        for (Token t : tokens) {
            if (surnames.contains(t.word()) && t.tag().startsWith("NNP") && t.ner().equals("O")
                    && names.stream().noneMatch(n -> n.begin() < t.end() && t.begin() < n.end())) {
                all.add(new NameMention(t.word(), t.begin(), t.end(), EntityType.PERSON));
            }
        }
        all.sort(java.util.Comparator.comparingInt(NameMention::begin));
        return all;
    }
}
