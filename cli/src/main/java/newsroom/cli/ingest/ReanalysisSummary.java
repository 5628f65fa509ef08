package newsroom.cli.ingest;

import com.google.protobuf.Timestamp;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import newsroom.ingest.v1.Reanalysis;
import newsroom.ingest.v1.ReanalysisFailure;

/**
 * The closing lines of a re-analysis: how many articles were re-analysed and failed, and the
 * failures grouped by reason with their article ids.
 */
public final class ReanalysisSummary {

    /** Article ids listed per reason; the count covers them all. */
    private static final int IDS_SHOWN = 10;

    private ReanalysisSummary() {
    }

    public static List<String> lines(Reanalysis reanalysis) {
        List<String> lines = new ArrayList<>();
        lines.add("re-analysis " + reanalysis.getReanalysisId() + ": re-analysed " + reanalysis.getDoneCount()
                + ", failed " + reanalysis.getFailedCount() + " of " + reanalysis.getTotalCount() + " "
                + articles(reanalysis));
        Map<String, List<Long>> byReason = new TreeMap<>();
        for (ReanalysisFailure failure : reanalysis.getFailuresList()) {
            byReason.computeIfAbsent(IngestSummary.reason(failure.getError()), reason -> new ArrayList<>())
                    .add(failure.getArticleId());
        }
        byReason.forEach((reason, ids) -> lines.add("  failed " + ids.size() + ": " + reason + " (article"
                + (ids.size() == 1 ? " " : "s ") + String.join(", ", ids.stream().limit(IDS_SHOWN).map(String::valueOf)
                        .toList()) + (ids.size() > IDS_SHOWN ? ", ..." : "") + ")"));
        long unlisted = reanalysis.getFailedCount() - reanalysis.getFailuresCount();
        if (unlisted > 0) {
            lines.add("  ... and " + unlisted + " more failed (the service lists the first "
                    + reanalysis.getFailuresCount() + ")");
        }
        return lines;
    }

    /** "articles published from 2021-04-01 to before 2021-05-01", or "articles" for all of them. */
    static String articles(Reanalysis reanalysis) {
        String range = (reanalysis.hasStartTime() ? " from " + show(reanalysis.getStartTime()) : "")
                + (reanalysis.hasEndTime() ? " to before " + show(reanalysis.getEndTime()) : "");
        return range.isEmpty() ? "articles" : "articles published" + range;
    }

    /** A day when the time is midnight UTC, as --from and --to take it, else the instant. */
    private static String show(Timestamp timestamp) {
        Instant instant = Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
        return instant.atOffset(ZoneOffset.UTC).toLocalTime().equals(LocalTime.MIDNIGHT)
                ? instant.toString().substring(0, 10)
                : instant.toString();
    }
}
