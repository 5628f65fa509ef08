package newsroom.bench.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Precision and recall are means over pages of each page's normalised counts, a page with no
 * errors scoring 1 and a page that cannot enter a mean left out of it, as evaluate.py has them.
 */
class ShingleScoreTest {

    @Test
    void precisionAndRecallAreMeansOverThePagesThatCanEnterThem() {
        ShingleScore score = new ShingleScore();
        // Shingles "a b c d" and "b c d e" against "a b c d" and "b c d x": one of each kind.
        score.add("a b c d e", "a b c d x");
        // Nothing predicted: no precision to take, recall 0.
        score.add("f g h i", "");
        // Exactly right: 1 for both.
        score.add("p q r s", "p q r s");

        assertEquals(3, score.pages());
        assertEquals((0.5 + 1) / 2, score.precision(), 1e-9);
        assertEquals((0.5 + 0 + 1) / 3, score.recall(), 1e-9);
        assertEquals(2 * 0.75 * 0.5 / (0.75 + 0.5), score.f1(), 1e-9);
    }
}
