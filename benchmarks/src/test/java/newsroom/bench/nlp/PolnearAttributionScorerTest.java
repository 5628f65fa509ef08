package newsroom.bench.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The PolNeAR scorers' ports against what the python reference scorers print
 * for a hand-written fixture in PolNeAR's layout ({@code polnear-fixture/}):
 * {@code bridge-opens} has a direct attribution (two quoted segments), a mixed
 * one ('called the project "a gift to the contractors"') and three indirect
 * ones (pronoun, description and named sources); its Analysis JSON leaves out
 * a headline (offsets shifted) and has an emoji before every quote (UTF-16
 * offsets differ from code points). Its predictions: a half match with the
 * right speaker, an overlap that is no half match (pronoun source, right), a
 * half match with the wrong speaker, a half match of a description source
 * (not scored), a miss, three false alarms. A second .ann of the article,
 * later alphabetically, would add a gold attribution a false alarm overlaps;
 * {@code river-rises} has no Analysis JSON (its attribution is missed).
 */
class PolnearAttributionScorerTest {

    /** polnear_attributions.py FIXTURE FIXTURE/analysis --label fixture, its path replaced by FIXTURE. */
    private static final String REFERENCE = """
            PolNeAR FIXTURE vs fixture: every attribution with a Content span
            articles scored: 2 (1 without Analysis JSON, counted as no quotes); 0 predicted quotes not alignable
            form        gold  recall overlap     recall half  speaker (matched)
            direct         1          100.0%          100.0%       100.0% (1/1)
            mixed          1          100.0%          100.0%         0.0% (0/1)
            indirect       4           50.0%           25.0%       100.0% (1/1)
            all            6           66.7%           50.0%        66.7% (2/3)
            precision: overlap 57.1% (4/7), half 42.9% (3/7)
            F1: overlap 61.5, half 46.2; matched attributions with a description or no Source (speaker not scored): 1
            SUMMARY polnear-attributions fixture articles=2 gold=6 direct=1 mixed=1 indirect=4 R_overlap=66.7% \
            R_half=50.0% P_overlap=57.1% P_half=42.9% F1_overlap=61.5 F1_half=46.2 indirect_R_half=25.0% speaker=66.7%
            """;

    private static Path fixture() throws Exception {
        return Path.of(PolnearAttributionScorerTest.class.getResource("/polnear-fixture").toURI());
    }

    @Test
    void scoresEveryAttributionAsTheReferenceScorer() throws Exception {
        PolnearAttributionScorer.Result r = PolnearAttributionScorer.score(fixture(), fixture().resolve("analysis"), false);

        assertEquals(REFERENCE, r.report("FIXTURE", "fixture", false));
    }

    @Test
    void agreesWithTheReferenceSummaryWithinRounding() throws Exception {
        PolnearAttributionScorer.Result r = PolnearAttributionScorer.score(fixture(), fixture().resolve("analysis"), false);
        Map<String, String> reference = PolnearAttributionScorer.parseSummary(REFERENCE);

        assertEquals("46.2", reference.get("F1_half"));
        assertEquals(100.0 * 4 / 7, r.figures().get("P_overlap"), 1e-9);
        double difference = PolnearAttributionScorer.largestDifference(r, reference);
        assertTrue(difference > 0 && difference <= 0.05, "rounding only: " + difference);
        reference.put("speaker", "n/a");
        assertEquals(Double.POSITIVE_INFINITY, PolnearAttributionScorer.largestDifference(r, reference));
    }

    @Test
    void scoresDirectQuotesAsTheReferenceScorer() throws Exception {
        // polnear_quotes.py: direct=1 det_R=100.0% det_P=57.1% named=100.0%(1/1) pronoun=n/a(0/0)
        PolnearScorer.Result r = PolnearScorer.score(fixture(), fixture().resolve("analysis"));

        assertEquals(2, r.articles);
        assertEquals(1, r.direct);
        assertEquals(1, r.detected);
        assertEquals(4, r.predictedOk);
        assertEquals(7, r.predicted);
        assertEquals(1, r.namedOk);
        assertEquals(1, r.named);
        assertEquals(0, r.pronoun);
    }

    @Test
    void printsOneDecimalAsPython() {
        // Python: '%.1f' % 12.25 == '12.2' (an exact tie, half-even); '%.1f' % 0.15 == '0.1' (0.1499...)
        assertEquals("12.2", PolnearRules.oneDecimal(12.25));
        assertEquals("0.1", PolnearRules.oneDecimal(0.15));
        assertEquals("0.1", PolnearRules.oneDecimal(0.05));
        assertEquals("33.3%", PolnearRules.pct(1, 3));
        assertEquals("n/a", PolnearRules.pct(0, 0));
    }
}
