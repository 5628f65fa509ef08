package newsroom.ingest.intake.language;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import jakarta.inject.Singleton;
import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;

/**
 * Tells which language an article is written in, with OpenNLP's language
 * detector and its 103-language model ({@code opennlp-models-langdetect}).
 *
 * <p>The model is unreliable on a few words, and calling a short English text
 * foreign would keep it from being analysed at all, so English is the answer
 * unless the text is long enough and the model is clear: at least
 * {@link #MIN_LETTERS} letters, and a best guess with a confidence of at
 * least {@link #MIN_CONFIDENCE} that is also {@link #MIN_LEAD} times
 * English's. (The model spreads its confidence over 103 languages: two
 * sentences of plain French score about 0.33, the runner-up 0.04; a close
 * runner-up such as Danish for Norwegian still means "not English".) Only the first {@link #SAMPLE_CHARS} characters are read: more
 * changes no answer and costs time.
 *
 * <p>The model costs about 2 ms per article, the largest part of intake's work,
 * so plain English prose is recognised first without it: when at least
 * {@link #MIN_ENGLISH_SHARE} of the sample's words (and at least
 * {@link #MIN_FUNCTION_WORDS} of them) are {@link #ENGLISH_FUNCTION_WORDS},
 * words that occur in running English text and in no other common language's
 * (English news runs at about 0.23, 99.6% of bbc-news articles at 0.12 or
 * more; French, German, Spanish, Dutch and Portuguese news at 0 to 0.04).
 * That shortcut only ever answers English, the answer the rules below fall
 * back to anyway; every other text goes to the model.
 */
@Singleton
public final class LanguageIdentifier {

    /** The language Newsroom's NLP pipeline reads. */
    public static final String ENGLISH = "en";

    static final int MIN_LETTERS = 60;
    static final double MIN_CONFIDENCE = 0.15;
    static final double MIN_LEAD = 3;
    static final int SAMPLE_CHARS = 1_000;
    static final double MIN_ENGLISH_SHARE = 0.12;
    static final int MIN_FUNCTION_WORDS = 6;
    /**
     * Frequent English words that are not also words of the other common languages (no
     * "is", "was", "had", "will", "an", "in", "de": Dutch and German share them).
     */
    static final Set<String> ENGLISH_FUNCTION_WORDS = Set.of("the", "of", "and", "to", "that", "with", "for",
            "from", "have", "has", "were", "said", "which", "this", "their", "they", "would", "been", "but",
            "not", "its", "are", "by", "it", "she");
    private static final String MODEL_RESOURCE = "/langdetect-183.bin";

    // A detector per thread over one shared, immutable model: the detector is not documented thread-safe.
    private final ThreadLocal<LanguageDetectorME> detector;
    private final Map<String, String> twoLetterCodes = twoLetterCodes();

    public LanguageIdentifier() {
        try (InputStream model = LanguageIdentifier.class.getResourceAsStream(MODEL_RESOURCE)) {
            if (model == null) {
                throw new IllegalStateException(MODEL_RESOURCE + " is missing: opennlp-models-langdetect"
                        + " must be on the class path");
            }
            LanguageDetectorModel loaded = new LanguageDetectorModel(model);
            detector = ThreadLocal.withInitial(() -> new LanguageDetectorME(loaded));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the language model " + MODEL_RESOURCE, e);
        }
    }

    /** The text's language as a BCP-47 code ("en", "fr"); "en" unless the model is sure otherwise. */
    public String identify(String text) {
        String sample = text.length() > SAMPLE_CHARS ? text.substring(0, SAMPLE_CHARS) : text;
        if (sample.codePoints().filter(Character::isLetter).count() < MIN_LETTERS) {
            return ENGLISH;
        }
        if (readsAsEnglish(sample)) {
            return ENGLISH;
        }
        Language[] guesses = detector.get().predictLanguages(sample);
        Language best = guesses[0];
        String code = twoLetterCodes.getOrDefault(best.getLang(), best.getLang());
        if (code.equals(ENGLISH) || best.getConfidence() < MIN_CONFIDENCE) {
            return ENGLISH;
        }
        for (Language guess : guesses) {
            if (guess.getLang().equals("eng") && best.getConfidence() < MIN_LEAD * guess.getConfidence()) {
                return ENGLISH;
            }
        }
        return code;
    }

    /** Whether enough of the sample's words are {@link #ENGLISH_FUNCTION_WORDS} to call it English prose. */
    static boolean readsAsEnglish(String sample) {
        int words = 0;
        int english = 0;
        int start = -1;
        for (int i = 0; i <= sample.length(); i++) {
            boolean letter = i < sample.length() && Character.isLetter(sample.charAt(i));
            if (letter && start < 0) {
                start = i;
            } else if (!letter && start >= 0) {
                words++;
                // The longest function word has five letters: longer words need no look-up.
                if (i - start <= 5
                        && ENGLISH_FUNCTION_WORDS.contains(sample.substring(start, i).toLowerCase(Locale.ROOT))) {
                    english++;
                }
                start = -1;
            }
        }
        return english >= MIN_FUNCTION_WORDS && english >= MIN_ENGLISH_SHARE * words;
    }

    /** Whether text in {@code language} (BCP-47) can be analysed: English and its regional forms. */
    public static boolean isSupported(String language) {
        String primary = language.split("-", 2)[0].toLowerCase(Locale.ROOT);
        return primary.equals(ENGLISH) || primary.equals("eng");
    }

    private static Map<String, String> twoLetterCodes() {
        Map<String, String> codes = new HashMap<>();
        for (String two : Locale.getISOLanguages()) {
            try {
                codes.put(Locale.forLanguageTag(two).getISO3Language(), two);
            } catch (java.util.MissingResourceException e) {
                // A language without a three-letter code: the model does not name it either.
            }
        }
        // Macrolanguage codes the model uses where Java knows the individual language.
        codes.put("cmn", "zh");
        codes.put("pes", "fa");
        codes.put("zsm", "ms");
        codes.put("lvs", "lv");
        codes.put("ekk", "et");
        return codes;
    }
}
