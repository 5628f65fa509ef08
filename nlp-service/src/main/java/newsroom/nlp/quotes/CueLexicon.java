package newsroom.nlp.quotes;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import newsroom.nlp.text.Sentence;
import newsroom.nlp.text.Token;

/** The words that attribute speech: which verbs are cues, and which of them name a listener. */
public final class CueLexicon {

    /** Verbs that attribute a quotation ("said", "added", "quipped"). */
    private static final Set<String> QUOTE_CUES = Set.of(
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

    private static final String REPORTING_VERBS = "reporting-verbs.tsv";

    /** Reporting verb lemma to the relations through which it reports (see reporting-verbs.tsv). */
    private final Map<String, Set<String>> reporting;

    public CueLexicon() {
        this.reporting = readReportingVerbs();
    }

    private static Map<String, Set<String>> readReportingVerbs() {
        Map<String, Set<String>> verbs = new HashMap<>();
        try (InputStream in = CueLexicon.class.getResourceAsStream(REPORTING_VERBS)) {
            if (in == null) {
                throw new IllegalStateException(REPORTING_VERBS + " is missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split("\t");
                verbs.put(columns[0], Set.of(columns[1].split(",")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(verbs);
    }

    /**
     * Whether a verb reports speech through a dependent of this relation
     * ("ccomp": "said [that ...]"), or, for "parataxis:head", through the
     * clause it interrupts ("[...], he said").
     */
    boolean reportsThrough(Token verb, String relation) {
        Set<String> relations = reporting.get(verb.key());
        return relations != null && relations.contains(relation);
    }

    /**
     * Whether a word may report speech away from any quotation, from its
     * lemma and part of speech alone, before any parse: a reporting verb, or
     * "according". A sentence without one, and with no quotation in it or
     * next to it, holds no attribution to parse for.
     */
    public boolean mayReport(String word, String lemma, String tag) {
        if (word.equalsIgnoreCase("according")) {
            return true;
        }
        String key = lemma == null ? word.toLowerCase(java.util.Locale.ROOT) : lemma.toLowerCase(java.util.Locale.ROOT);
        return tag.startsWith("VB") && reporting.containsKey(key);
    }

    /**
     * Whether a word may attribute a quotation next to its sentence, from its
     * lemma and part of speech alone: a verb {@link #isQuoteCue} can take
     * ("said", "asked", "put" of "put it", "shot" of "shot back").
     */
    public boolean mayCueQuote(String word, String lemma, String tag) {
        String key = lemma == null ? word.toLowerCase(java.util.Locale.ROOT) : lemma.toLowerCase(java.util.Locale.ROOT);
        return tag.startsWith("VB") && (QUOTE_CUES.contains(key) || key.equals("put") || key.equals("shoot"));
    }

    /** A verb of speaking ("add", "note", "explain"), as opposed to one of thinking or wanting. */
    boolean isSpeechVerb(Token verb) {
        return QUOTE_CUES.contains(verb.key());
    }

    /** A verb that attributes a quotation, "put it" ("as Tom Ridge put it: “…”") or "shot back". */
    boolean isQuoteCue(Token t, Sentence sentence, List<Token> tokens) {
        if (!t.isVerb()) {
            return false;
        }
        if (QUOTE_CUES.contains(t.key())) {
            return true;
        }
        String particle = t.key().equals("put") ? "it" : t.key().equals("shoot") ? "back" : null;
        return particle != null && sentence.dependentsOf(t.index()).stream()
                .anyMatch(d -> (d.relation().equals("obj") || d.relation().equals("compound:prt"))
                        && tokens.get(d.dependent()).word().equalsIgnoreCase(particle));
    }

    /** A cue whose object is the one spoken to ("told CNBC"), never the speaker. */
    boolean isListenerCue(Token verb) {
        return LISTENER_CUES.contains(verb.key());
    }
}
