package newsroom.ingest.retention;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;

/**
 * What a retention call removed, or would remove.
 *
 * @param cutoff the oldest month kept; every month before it is in {@code months}
 * @param dryRun true when nothing was removed
 * @param months the months removed (or that would be), oldest first
 */
public record RetentionReport(YearMonth cutoff, boolean dryRun, List<MonthCounts> months) {

    public RetentionReport {
        months = List.copyOf(months);
    }

    /** The first instant (UTC) of the cut-off month: everything published before it goes. */
    public Instant cutoffTime() {
        return cutoff.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
