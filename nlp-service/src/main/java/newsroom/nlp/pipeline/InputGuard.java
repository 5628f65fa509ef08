package newsroom.nlp.pipeline;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.util.ArrayCoreMap;
import edu.stanford.nlp.util.CoreMap;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps CoreNLP's work in proportion to a document's size, whatever the
 * document (docs/nlp.md, "Caps"). CoreNLP's tokenizer takes time quadratic in
 * the length of some unbroken runs of characters (8,000 straight quotation
 * marks took 3 s, so 1 MiB of them would take hours), and its tagger,
 * recogniser and parser take seconds for a sentence of thousands of tokens.
 * So:
 * <ul>
 * <li>a run of more than {@value #LONGEST_WORD} characters without a space is
 * broken for the tokenizer every {@value #LONGEST_WORD} characters (a space in
 * place of one character, so every offset stays the same; no word of news is
 * that long: such runs are long links, hashes or junk);</li>
 * <li>more than {@value #LONGEST_PUNCTUATION} punctuation marks in a row, with
 * or without spaces between them, are cut to {@value #LONGEST_PUNCTUATION} (the
 * others blanked): the tagger spends over a millisecond on each mark of such a
 * run, 10,000 nested quotation marks took 13 to 21 s;</li>
 * <li>a sentence of more than {@value #LONGEST_SENTENCE} tokens is cut into
 * sentences of at most that many, after a comma, semicolon or colon where one
 * is near the cut (a list or table that lost its full stops).</li>
 * </ul>
 */
final class InputGuard {

    static final int LONGEST_WORD = 64;
    static final int LONGEST_PUNCTUATION = 16;
    static final int LONGEST_SENTENCE = 300;

    private InputGuard() {
    }

    /**
     * The text as the tokenizer is given it, the same length as the text:
     * over-long runs of non-space characters broken, and punctuation beyond
     * {@value #LONGEST_PUNCTUATION} marks in a row (with or without spaces
     * between them) blanked.
     */
    static String forTokenizer(String text) {
        StringBuilder guarded = null;
        int word = 0;
        int punctuation = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                word = 0;
                continue;
            }
            word++;
            punctuation = Character.isLetterOrDigit(c) ? 0 : punctuation + 1;
            boolean blank = punctuation > LONGEST_PUNCTUATION
                    || word > LONGEST_WORD && !Character.isLowSurrogate(c);
            if (blank) {
                if (guarded == null) {
                    guarded = new StringBuilder(text);
                }
                guarded.setCharAt(i, ' ');
                word = 0;
            }
        }
        return guarded == null ? text : guarded.toString();
    }

    /** Cuts every sentence of more than {@value #LONGEST_SENTENCE} tokens, renumbering sentences and tokens. */
    static void cutLongSentences(Annotation document) {
        List<CoreMap> sentences = document.get(CoreAnnotations.SentencesAnnotation.class);
        if (sentences.stream().allMatch(s -> s.get(CoreAnnotations.TokensAnnotation.class).size() <= LONGEST_SENTENCE)) {
            return;
        }
        String text = document.get(CoreAnnotations.TextAnnotation.class);
        List<CoreMap> cut = new ArrayList<>();
        for (CoreMap sentence : sentences) {
            List<CoreLabel> tokens = sentence.get(CoreAnnotations.TokensAnnotation.class);
            if (tokens.size() <= LONGEST_SENTENCE) {
                cut.add(sentence);
                continue;
            }
            for (int start = 0; start < tokens.size(); ) {
                int end = cutAt(tokens, start);
                cut.add(sentence(text, new ArrayList<>(tokens.subList(start, end))));
                start = end;
            }
        }
        int documentToken = 0;
        for (int s = 0; s < cut.size(); s++) {
            CoreMap sentence = cut.get(s);
            List<CoreLabel> tokens = sentence.get(CoreAnnotations.TokensAnnotation.class);
            sentence.set(CoreAnnotations.SentenceIndexAnnotation.class, s);
            sentence.set(CoreAnnotations.TokenBeginAnnotation.class, documentToken);
            sentence.set(CoreAnnotations.TokenEndAnnotation.class, documentToken + tokens.size());
            for (int t = 0; t < tokens.size(); t++) {
                tokens.get(t).setIndex(t + 1);
                tokens.get(t).setSentIndex(s);
            }
            documentToken += tokens.size();
        }
        document.set(CoreAnnotations.SentencesAnnotation.class, cut);
    }

    /** Where a piece starting at {@code start} ends: after a clause mark in its last third, else at the cap. */
    private static int cutAt(List<CoreLabel> tokens, int start) {
        int end = Math.min(tokens.size(), start + LONGEST_SENTENCE);
        if (end == tokens.size()) {
            return end;
        }
        for (int i = end - 1; i > start + LONGEST_SENTENCE * 2 / 3; i--) {
            String word = tokens.get(i).word();
            if (word.equals(",") || word.equals(";") || word.equals(":")) {
                return i + 1;
            }
        }
        return end;
    }

    private static CoreMap sentence(String text, List<CoreLabel> tokens) {
        CoreMap sentence = new ArrayCoreMap();
        int begin = tokens.get(0).beginPosition();
        int end = tokens.get(tokens.size() - 1).endPosition();
        sentence.set(CoreAnnotations.TextAnnotation.class, text.substring(begin, end));
        sentence.set(CoreAnnotations.CharacterOffsetBeginAnnotation.class, begin);
        sentence.set(CoreAnnotations.CharacterOffsetEndAnnotation.class, end);
        sentence.set(CoreAnnotations.TokensAnnotation.class, tokens);
        return sentence;
    }
}
