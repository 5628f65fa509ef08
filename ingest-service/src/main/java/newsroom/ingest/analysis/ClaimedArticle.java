package newsroom.ingest.analysis;

import java.time.Instant;

/**
 * An article a worker has claimed for analysis: a fresh one from {@link AnalysisQueue}, or one
 * of a re-analysis from {@link ReanalysisQueue}.
 *
 * @param attempts     analysis attempts so far, this one included (for a re-analysis, its own)
 * @param reanalysisId the re-analysis the article was claimed for; 0 for a fresh article
 * @param history      its failed attempts so far, for {@link RetryPolicy}
 */
public record ClaimedArticle(long id, String cleanedText, Instant publishedAt, String language, int attempts,
                             long reanalysisId, FailureHistory history) {

    public boolean isReanalysis() {
        return reanalysisId != 0;
    }
}
