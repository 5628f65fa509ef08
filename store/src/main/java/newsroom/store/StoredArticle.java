package newsroom.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;

/** One submitted article, its cleaned text, and where its analysis stands. */
@Entity
@Table(name = "article")
public class StoredArticle extends GeneratedIdEntity {

    /** Null when the client gave none: several articles may lack a URL. */
    public String url;

    public String source = "";

    public String title = "";

    @Column(name = "published_at")
    public Instant publishedAt;

    /** PLAIN_TEXT or HTML, as submitted. */
    @Column(name = "content_type")
    public String contentType;

    public String language;

    @Column(name = "raw_content")
    public String rawContent;

    @Column(name = "cleaned_text")
    public String cleanedText;

    /** Hex SHA-256 of the raw content: the same content is the same article. */
    @Column(name = "content_sha256")
    public String contentSha256;

    @Enumerated(EnumType.STRING)
    public ArticleState status;

    public int attempts;

    @Column(name = "last_error")
    public String lastError;

    /** Attempts that failed through the article's own fault (see V13 migration); outages never count. */
    @Column(name = "failed_attempts")
    public int failedAttempts;

    /** When the last failed attempt ended, counted or not; null before the first. */
    @Column(name = "last_failed_at")
    public Instant lastFailedAt;

    /** The gRPC code of the failure the article was given up for; null unless FAILED. */
    @Column(name = "failure_reason")
    public String failureReason;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    /** While in the future, a worker is analysing the article. */
    @Column(name = "claimed_until")
    public Instant claimedUntil;

    @Column(name = "accepted_at")
    public Instant acceptedAt;

    @Column(name = "analyzed_at")
    public Instant analyzedAt;

    /** The id of the story's first report (this article's own id for a root); see V2 migration. */
    @Column(name = "story_id")
    public Long storyId;

    /** The story root this article copies, or null when it is a root itself. */
    @Column(name = "duplicate_of")
    public Long duplicateOf;

    /** The byline's name: the client's, else the feed item's, else the page's; empty when none (V14). */
    public String author = "";

    /** The address the page names as its own ({@code <link rel="canonical">}, og:url), normalised; null when none. */
    @Column(name = "canonical_url")
    public String canonicalUrl;

    /** True when nothing said when the article was published: {@link #publishedAt} is then when it was stored. */
    @Column(name = "published_time_estimated")
    public boolean publishedTimeEstimated;

    /** The followed source the article was fetched from; null when a client submitted it. */
    @Column(name = "source_id")
    public Long sourceId;

    /** The analysis' document tone (Sentiment.score, -1..1); null until analysed. See V4 migration. */
    public Double tone;

    /** The protobuf-encoded {@code newsroom.nlp.v1.Analysis}; null until analysed. */
    public byte[] analysis;
}
