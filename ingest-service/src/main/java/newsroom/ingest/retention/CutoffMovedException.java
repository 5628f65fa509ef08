package newsroom.ingest.retention;

import java.time.YearMonth;

/**
 * The cut-off month is not the one the caller expected (FAILED_PRECONDITION): the month turned
 * between a dry run and the removal it was shown for, which would remove one month more.
 */
public class CutoffMovedException extends RuntimeException {

    public CutoffMovedException(YearMonth expected, YearMonth actual) {
        super("expected_cutoff_month: the cut-off month is now " + actual + ", not " + expected
                + " (the month turned since the dry run); nothing was removed, look at the dry run again");
    }
}
