package newsroom.ingest;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The ingest service's settings ({@code newsroom.ingest.*}). */
@ConfigMapping(prefix = "newsroom.ingest")
public interface IngestConfig {

    /** Largest article content accepted, in bytes of UTF-8. */
    @WithDefault("1048576")
    int maxContentBytes();

    /** How long one NLP call may take before it is abandoned and retried. */
    @WithDefault("120s")
    Duration nlpDeadline();

    /**
     * Time to write an analysis after the NLP call, on top of its deadline: a claim on an article
     * lasts both, and an article whose worker died comes due again once its claim lapses.
     */
    @WithDefault("60s")
    Duration writeMargin();

    /** Delay before the first retry of a failed analysis; it doubles with each attempt. */
    @WithDefault("1s")
    Duration initialBackoff();

    /** The longest delay between analysis attempts. */
    @WithDefault("60s")
    Duration maxBackoff();

    /**
     * Failed attempts that are the article's own fault before it is FAILED: the NLP service
     * rejecting it, or timing out or going away on it while it analyses other articles (a
     * poison article; see {@code RetryPolicy}). Attempts lost to an outage (the NLP service
     * unreachable or slow for every article, the database down) count in {@code attempts}
     * but never fail an article.
     */
    @WithDefault("5")
    int maxAttempts();

    /**
     * How long an article may wait for its analysis and still be retried after a failure that
     * is its own fault: past this, such a failure gives it up at once, whatever its attempts.
     * An outage, however long, fails no article.
     */
    @WithDefault("24h")
    Duration maxAge();

    /**
     * Articles waiting for analysis (status ACCEPTED) at which new articles are refused with
     * RESOURCE_EXHAUSTED until the NLP service catches up: back-pressure on clients when
     * analysis falls behind. Compared with the backlog count of {@code newsroom.metrics.backlog-cache}
     * age, so a fast bulk load may overshoot it by what arrives in that time.
     */
    @WithDefault("200000")
    long maxBacklog();

    Intake intake();

    Worker worker();

    Partitions partitions();

    /**
     * How intake groups articles into transactions, each ending in one commit (one flush to
     * disk). The defaults suit a machine of two cores; docs/tuning.md says why and when to change them.
     */
    interface Intake {

        /**
         * Intake transactions running at once: callers' articles that arrive meanwhile wait and
         * are stored together by the next one (group commit). At least 1.
         */
        @WithDefault("2")
        int groupCommitTransactions();

        /** Articles in one group-commit transaction at most. At least 1. */
        @WithDefault("128")
        int groupCommitArticles();

        /** Articles of one {@code IngestArticles} stream handed to intake together. At least 1. */
        @WithDefault("32")
        int bulkBatchArticles();
    }

    /**
     * The monthly partitions of mentions, quotes, search rows and entity days (V15): created
     * ahead of time, since a row of a month without partitions cannot be written.
     */
    interface Partitions {

        /** Months after the current one (UTC) whose partitions are kept created. */
        @WithDefault("3")
        int monthsAhead();

        /** How often the months ahead are made sure of, after once at start. */
        @WithDefault("24h")
        Duration checkInterval();
    }

    /** The analysis worker. */
    interface Worker {

        /** False leaves accepted articles waiting (another replica may analyse them). */
        @WithDefault("true")
        boolean enabled();

        /** Articles analysed at the same time. */
        @WithDefault("2")
        int concurrency();

        /** How often an idle worker looks for due articles (retries come due without a wake-up). */
        @WithDefault("500ms")
        Duration pollInterval();
    }
}
