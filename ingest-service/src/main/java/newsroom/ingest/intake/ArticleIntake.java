package newsroom.ingest.intake;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.time.Instant;
import java.util.Optional;
import newsroom.cleaning.ArticleCleaner;
import newsroom.ingest.IngestConfig;
import newsroom.ingest.database.DatabaseFailures;
import newsroom.ingest.v1.Article;
import newsroom.store.ArticleState;
import newsroom.store.StoredArticle;

/**
 * Validates, cleans and stores submitted articles. Submitting the same URL or
 * the same content again returns the article already stored; the unique
 * indexes on {@code article} settle races between concurrent submissions.
 */
@ApplicationScoped
public class ArticleIntake {

    private final ArticleValidator validator;
    private final ArticleCleaner cleaner = new ArticleCleaner();
    private final Event<ArticleAccepted> accepted;

    public ArticleIntake(IngestConfig config, Event<ArticleAccepted> accepted) {
        this.validator = new ArticleValidator(config.maxContentBytes());
        this.accepted = accepted;
    }

    /**
     * Stores {@code article} with status ACCEPTED, or finds it stored already.
     *
     * @param article the submission; null when the request carried none
     * @throws InvalidArticleException naming the field at fault; nothing is stored then
     */
    public IntakeOutcome ingest(Article article) {
        ValidArticle valid = validator.validate(article);
        String cleaned = cleaner.clean(valid.content(), valid.kind());
        if (cleaned.isBlank()) {
            throw new InvalidArticleException("article.content",
                    "has no text left after cleaning (it is only markup or boilerplate)");
        }
        Optional<IntakeOutcome> stored = QuarkusTransaction.requiringNew().call(() -> findSame(valid));
        if (stored.isPresent()) {
            return stored.get();
        }
        IntakeOutcome outcome;
        try {
            outcome = QuarkusTransaction.requiringNew().call(() -> insert(valid, cleaned));
        } catch (RuntimeException e) {
            if (!DatabaseFailures.isUniqueViolation(e)) {
                throw e;
            }
            // A concurrent submission of the same URL or content committed first.
            outcome = QuarkusTransaction.requiringNew().call(() -> findSame(valid)).orElseThrow(() -> e);
        }
        if (!outcome.alreadyStored()) {
            accepted.fire(new ArticleAccepted(outcome.articleId()));
        }
        return outcome;
    }

    private static Optional<IntakeOutcome> findSame(ValidArticle article) {
        Optional<StoredArticle> same = article.url() == null
                ? Optional.empty()
                : StoredArticle.findByUrl(article.url());
        if (same.isEmpty()) {
            same = StoredArticle.findByContentSha256(article.contentSha256());
        }
        return same.map(stored -> new IntakeOutcome(stored.id, stored.status, true));
    }

    private static IntakeOutcome insert(ValidArticle article, String cleaned) {
        Instant now = Instant.now();
        StoredArticle stored = new StoredArticle();
        stored.url = article.url();
        stored.source = article.source();
        stored.title = article.title();
        stored.publishedAt = article.publishedAt() == null ? now : article.publishedAt();
        stored.contentType = article.kind().name();
        stored.language = article.language();
        stored.rawContent = article.content();
        stored.cleanedText = cleaned;
        stored.contentSha256 = article.contentSha256();
        stored.status = ArticleState.ACCEPTED;
        stored.attempts = 0;
        stored.nextAttemptAt = now;
        stored.acceptedAt = now;
        // Flush here so a unique-index conflict surfaces inside this transaction.
        stored.persistAndFlush();
        // Until same-story detection joins it to an earlier report, an article is its own story.
        stored.storyId = stored.id;
        return new IntakeOutcome(stored.id, ArticleState.ACCEPTED, false);
    }
}
