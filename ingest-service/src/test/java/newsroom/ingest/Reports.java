package newsroom.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Made-up English news reports, each unique, for same-story tests: long
 * enough to have a signature, and different enough from each other that no
 * two tests' reports are taken for one story.
 */
final class Reports {

    private static final String[] WORDS = ("the council said on monday that its plan for new housing near the river "
            + "would go ahead after months of talks with residents who had feared flooding and traffic while "
            + "officials promised to build schools roads and a clinic before the first families move in next "
            + "spring according to a statement published by the mayor office late in the evening as critics "
            + "argued that costs had doubled since the project was first announced and that contractors were "
            + "paid before work began yet supporters pointed to rising rents shortage of homes and young people "
            + "leaving the town for larger cities where jobs are easier to find and wages are higher than here")
            .split(" ");

    private Reports() {
    }

    /** A report of {@code sentences} sentences of 15 words, drawn with its own seed. */
    static List<String> sentences(long seed, int sentences) {
        Random random = new Random(seed);
        List<String> result = new ArrayList<>();
        for (int s = 0; s < sentences; s++) {
            StringBuilder sentence = new StringBuilder();
            for (int w = 0; w < 15; w++) {
                String word = WORDS[random.nextInt(WORDS.length)];
                sentence.append(w == 0 ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : " " + word);
            }
            result.add(sentence.append('.').toString());
        }
        return result;
    }

    static String text(List<String> sentences) {
        return String.join(" ", sentences);
    }

    static long newSeed() {
        return new Random().nextLong();
    }
}
