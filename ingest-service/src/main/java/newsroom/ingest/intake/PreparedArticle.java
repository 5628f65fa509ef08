package newsroom.ingest.intake;

import java.util.Optional;
import newsroom.ingest.story.ShingleSignature;

/**
 * A validated, cleaned article ready to store, with its language and same-story
 * signature (see {@link ArticleIntake#prepare}).
 *
 * @param sourceId the followed source whose item brought the article; null for a client's
 *                 submission. Never a client's field: only the source poller sets it.
 */
public record PreparedArticle(ValidArticle article, String cleanedText, String language,
                              Optional<ShingleSignature> signature, Long sourceId) {

    public PreparedArticle(ValidArticle article, String cleanedText, String language,
                           Optional<ShingleSignature> signature) {
        this(article, cleanedText, language, signature, null);
    }

    /** This article, as brought by the followed source {@code sourceId}. */
    public PreparedArticle fromSource(long sourceId) {
        return new PreparedArticle(article, cleanedText, language, signature, sourceId);
    }

    /**
     * This article with {@code fallback} as its publication time when neither the submission nor
     * the page gave one (a feed item's last change: better than the time of storing, which
     * stands in when this is null too).
     */
    public PreparedArticle publishedAtWhenUnknown(java.time.Instant fallback) {
        if (article.publishedAt() != null || fallback == null) {
            return this;
        }
        ValidArticle dated = new ValidArticle(article.url(), article.source(), article.title(), fallback,
                article.content(), article.contentSha256(), article.kind(), article.language(),
                article.languageGiven(), article.author(), article.canonicalUrl());
        return new PreparedArticle(dated, cleanedText, language, signature, sourceId);
    }

    /** Characters of text held (raw and cleaned): what a batch of prepared articles keeps in memory. */
    public int heldChars() {
        return article.content().length() + cleanedText.length();
    }
}
