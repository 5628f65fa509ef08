package newsroom.nlp.tone;

import java.util.HashMap;
import java.util.Map;

/**
 * A compact tone lexicon for news: lemma -> weight in [-3, 3]. Words were
 * chosen for how they read in reporting on politics, diplomacy, economy and
 * conflict ("productive", "ceasefire", "hostile", "sanction"), not in reviews.
 */
final class NewsLexicon {

    private final Map<String, Double> weights = new HashMap<>();

    NewsLexicon() {
        positive(1, "agree", "agreement", "support", "cooperation", "cooperate", "help", "improve", "improvement",
                "stability", "stable", "trust", "strong", "strengthen", "benefit", "beneficial", "opportunity",
                "progress", "growth", "grow", "recover", "recovery", "deal", "partner", "partnership", "friendly",
                "positive", "keen", "commitment", "committed", "satisfied", "constructive", "peaceful", "reform",
                "boost", "gain", "win", "rise", "safe", "secure", "hope", "hopeful", "welcome", "protect",
                "facilitate", "mutual", "resolve", "solution", "ready", "dialogue", "relief", "rescue", "fair");
        positive(2, "productive", "success", "successful", "peace", "ceasefire", "achievement", "breakthrough",
                "praise", "celebrate", "excellent", "prosperity", "landmark", "historic", "thrive", "record-high");
        negative(1, "concern", "worry", "tension", "dispute", "decline", "fall", "drop", "cut", "loss", "lose",
                "weak", "risk", "fragile", "fragility", "protest", "sanction", "shortage", "delay", "fail", "failure",
                "problem", "pressure", "criticise", "criticize", "criticism", "deny", "reject", "oppose", "warn",
                "threaten", "uncertainty", "debt", "inflation", "unemployment", "contradictory", "strike", "clash",
                "accuse", "allegation", "illegal", "scandal", "hostile", "hostility", "poor", "poverty", "damage");
        negative(2, "attack", "war", "conflict", "crisis", "violence", "violent", "threat", "terror", "terrorism",
                "terrorist", "condemn", "collapse", "disaster", "corruption", "fraud", "injure", "injured", "victim",
                "arrest", "riot", "bomb", "explosion", "recession", "famine", "abuse", "outrage", "fear");
        negative(3, "kill", "killed", "death", "dead", "massacre", "genocide", "murder", "catastrophe", "atrocity");
    }

    private void positive(double weight, String... lemmas) {
        for (String lemma : lemmas) {
            weights.put(lemma, weight);
        }
    }

    private void negative(double weight, String... lemmas) {
        for (String lemma : lemmas) {
            weights.put(lemma, -weight);
        }
    }

    /** The weight of a lemma or a word form; 0 when the lexicon does not know it. */
    double weight(String lemma, String word) {
        return weights.getOrDefault(lemma, weights.getOrDefault(word, 0.0));
    }
}
