package newsroom.cli.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import newsroom.ingest.v1.ArticleStatus;

/**
 * The closing lines of a bulk ingest: how many articles were accepted (and
 * of those, how many are copies of an earlier story or not in English), how
 * many had been stored before, and how many were rejected, grouped by reason.
 */
public record IngestSummary(long accepted, long sameStory, long unsupportedLanguage, long alreadyStored,
                            long rejected, Map<String, Long> rejectionReasons, long analyzed, long failed,
                            boolean waited) {

    public static IngestSummary of(List<IngestOutcome> outcomes, boolean waited) {
        long accepted = 0;
        long sameStory = 0;
        long unsupported = 0;
        long alreadyStored = 0;
        long rejected = 0;
        long analyzed = 0;
        long failed = 0;
        Map<String, Long> reasons = new TreeMap<>();
        for (IngestOutcome outcome : outcomes) {
            if (outcome.isRejected()) {
                rejected++;
                reasons.merge(reason(outcome.error()), 1L, Long::sum);
                continue;
            }
            if (outcome.alreadyStored()) {
                alreadyStored++;
            } else {
                accepted++;
                sameStory += outcome.duplicateOf() != 0 ? 1 : 0;
                unsupported += outcome.status() == ArticleStatus.UNSUPPORTED_LANGUAGE ? 1 : 0;
            }
            analyzed += outcome.status() == ArticleStatus.ANALYZED ? 1 : 0;
            failed += outcome.status() == ArticleStatus.FAILED ? 1 : 0;
        }
        return new IngestSummary(accepted, sameStory, unsupported, alreadyStored, rejected, reasons, analyzed,
                failed, waited);
    }

    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        String summary = "accepted " + accepted + " (" + sameStory + " same story as an earlier article, "
                + unsupportedLanguage + " not in English), already stored " + alreadyStored + ", rejected " + rejected;
        if (waited) {
            summary += "; analysed " + analyzed + ", failed " + failed;
        }
        lines.add(summary);
        rejectionReasons.forEach((reason, count) -> lines.add("  rejected " + count + ": " + reason));
        return lines;
    }

    /** The reason without the details that differ per article (sizes, byte positions). */
    static String reason(String error) {
        return error.replaceAll("\\d+", "N");
    }
}
