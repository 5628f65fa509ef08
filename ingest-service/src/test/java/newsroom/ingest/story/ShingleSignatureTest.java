package newsroom.ingest.story;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ShingleSignatureTest {

    static final String REPORT = """
            The central bank raised its main interest rate by a quarter of a percentage point on Thursday, \
            the third increase this year, saying that prices were still rising faster than it wanted.

            The governor told reporters in the capital that the committee had voted seven to two for the rise, \
            with the two dissenting members preferring to wait for another month of figures on wages.

            Markets had expected the move. The currency rose slightly against the dollar after the announcement, \
            and shares of the largest lenders gained as investors bet on wider margins on loans.

            Economists said a further increase before the end of the year could not be ruled out, although \
            the bank signalled that it would watch how households coped with higher mortgage payments.""";

    static final String EDITED_COPY = """
            The central bank raised its main interest rate by a quarter of a percentage point on Thursday, \
            the third increase this year, saying that prices were still rising faster than it wanted.

            The governor told journalists at a press conference that the committee had split seven to two, \
            with the two dissenting members preferring to wait for another month of figures on wages.

            Markets had expected the move. The currency rose slightly against the dollar after the announcement, \
            and shares of the largest lenders gained as investors bet on wider margins on loans.

            Economists said a further increase before the end of the year could not be ruled out, although \
            the bank signalled that it would watch how households coped with higher mortgage payments.

            Copyright 2024 Syndicated Wire Service. All rights reserved. Sign up for our morning briefing.""";

    static final String SAME_TOPIC = """
            Borrowing costs were left unchanged by the central bank on Thursday, as officials said they wanted \
            more evidence that inflation was slowing before deciding their next step.

            The decision, which most analysts had predicted, was unanimous. The bank's statement noted that \
            unemployment had edged higher and that business investment had weakened over the summer.

            Mortgage lenders said they did not expect to change their rates in the coming weeks, while the \
            currency slipped against the euro and the dollar in afternoon trading.""";

    @Test
    void anEditedCopyIsSimilarAndSharesABand() {
        ShingleSignature report = ShingleSignature.of(REPORT).orElseThrow();
        ShingleSignature copy = ShingleSignature.of(EDITED_COPY).orElseThrow();

        assertTrue(report.similarity(copy) >= SameStoryRule.THRESHOLD, "similarity " + report.similarity(copy));
        assertTrue(sharesABand(report, copy));
    }

    @Test
    void anotherReportOnTheSameTopicIsNotTheSameStory() {
        ShingleSignature report = ShingleSignature.of(REPORT).orElseThrow();
        ShingleSignature other = ShingleSignature.of(SAME_TOPIC).orElseThrow();

        assertTrue(report.similarity(other) < 0.1, "similarity " + report.similarity(other));
        assertEquals(Optional.empty(), SameStoryRule.bestMatch(report, List.of(new StoryCandidate(1, 1, other))));
    }

    @Test
    void caseAndPunctuationDoNotMatter() {
        ShingleSignature report = ShingleSignature.of(REPORT).orElseThrow();
        ShingleSignature shouted = ShingleSignature.of(REPORT.toUpperCase().replace(",", " ;")).orElseThrow();

        assertEquals(1.0, report.similarity(shouted));
    }

    @Test
    void shortTextsHaveNoSignature() {
        assertTrue(ShingleSignature.of("Breaking: the match was postponed because of rain.").isEmpty());
    }

    @Test
    void signaturesSurviveStorage() {
        ShingleSignature report = ShingleSignature.of(REPORT).orElseThrow();

        ShingleSignature read = ShingleSignature.fromBytes(report.toBytes());

        assertEquals(1.0, report.similarity(read));
        assertArrayEquals(report.bandKeys(), read.bandKeys());
    }

    @Test
    void theBestCandidateWinsAndNamesItsStory() {
        ShingleSignature report = ShingleSignature.of(REPORT).orElseThrow();
        ShingleSignature copy = ShingleSignature.of(EDITED_COPY).orElseThrow();
        ShingleSignature other = ShingleSignature.of(SAME_TOPIC).orElseThrow();

        StoryMatch match = SameStoryRule.bestMatch(copy, List.of(
                new StoryCandidate(7, 7, other), new StoryCandidate(12, 3, report))).orElseThrow();

        assertEquals(12, match.articleId());
        assertEquals(3, match.storyId());
    }

    private static boolean sharesABand(ShingleSignature a, ShingleSignature b) {
        long[] keysA = a.bandKeys();
        long[] keysB = b.bandKeys();
        for (int i = 0; i < keysA.length; i++) {
            if (keysA[i] == keysB[i]) {
                return true;
            }
        }
        return false;
    }
}
