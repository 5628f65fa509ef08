package newsroom.ingest.intake;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.time.Instant;
import java.util.Optional;
import newsroom.cleaning.ArticleCleaner;
import newsroom.cleaning.CleanedArticle;
import newsroom.cleaning.PageMetadata;
import newsroom.ingest.IngestConfig;
import newsroom.ingest.database.DatabaseFailures;
import newsroom.ingest.language.LanguageIdentifier;
import newsroom.ingest.story.ShingleSignature;
import newsroom.ingest.story.StoryIndex;
import newsroom.ingest.story.StoryMatch;
import newsroom.ingest.v1.Article;
import newsroom.store.ArticleState;
import newsroom.store.StoredArticle;

/**
 * Validates, cleans and stores submitted articles. Submitting the same URL or
 * the same content again returns the article already stored; the unique
 * indexes on {@code article} settle races between concurrent submissions.
 * A new article is marked UNSUPPORTED_LANGUAGE when it is not English, and
 * joined to the story of an earlier near-copy (see {@link StoryIndex}).
 */
@ApplicationScoped
public class ArticleIntake {

    private final ArticleValidator validator;
    private final ArticleCleaner cleaner = new ArticleCleaner();
    private final LanguageIdentifier languages;
    private final StoryIndex stories;
    private final Event<ArticleAccepted> accepted;

    public ArticleIntake(IngestConfig config, LanguageIdentifier languages, StoryIndex stories,
                         Event<ArticleAccepted> accepted) {
        this.validator = new ArticleValidator(config.maxContentBytes());
        this.languages = languages;
        this.stories = stories;
        this.accepted = accepted;
    }

    /**
     * Stores {@code article} with status ACCEPTED (or UNSUPPORTED_LANGUAGE), or finds it stored already.
     *
     * @param article the submission; null when the request carried none
     * @throws InvalidArticleException naming the field at fault; nothing is stored then
     */
    public IntakeOutcome ingest(Article article) {
        ValidArticle valid = validator.validate(article);
        CleanedArticle cleaned = cleaner.read(valid.content(), valid.kind());
        if (cleaned.text().isBlank()) {
            throw new InvalidArticleException("article.content",
                    "has no text left after cleaning (it is only markup or boilerplate)");
        }
        NewArticle fresh = new NewArticle(withMetadata(valid, cleaned.metadata()), cleaned.text(),
                language(valid, cleaned), ShingleSignature.of(cleaned.text()));
        IntakeOutcome outcome;
        try {
            // One transaction: look for the same URL or content, else store. The unique
            // indexes settle the race with a concurrent submission of the same article.
            outcome = QuarkusTransaction.requiringNew().call(
                    () -> findSame(fresh.article()).orElseGet(() -> insert(fresh)));
        } catch (RuntimeException e) {
            if (!DatabaseFailures.isUniqueViolation(e)) {
                throw e;
            }
            // A concurrent submission of the same URL or content committed first.
            outcome = QuarkusTransaction.requiringNew().call(() -> findSame(fresh.article())).orElseThrow(() -> e);
        }
        if (!outcome.alreadyStored() && outcome.status() == ArticleState.ACCEPTED) {
            accepted.fire(new ArticleAccepted(outcome.articleId()));
        }
        return outcome;
    }

    /** A validated, cleaned article ready to store, with its language and same-story signature. */
    private record NewArticle(ValidArticle article, String cleanedText, String language,
                              Optional<ShingleSignature> signature) {
    }

    /** What the client left out and the page says: title, published time, canonical URL. */
    private static ValidArticle withMetadata(ValidArticle article, PageMetadata page) {
        if (page == PageMetadata.NONE) {
            return article;
        }
        String url = article.url() != null ? article.url() : ArticleValidator.canonicalUrl(page.canonicalUrl());
        String title = !article.title().isEmpty() || page.title() == null ? article.title() : page.title();
        Instant published = article.publishedAt() != null
                ? article.publishedAt()
                : ArticleValidator.plausiblePublishedTime(page.publishedTime());
        return new ValidArticle(url, article.source(), title, published, article.content(),
                article.contentSha256(), article.kind(), article.language(), article.languageGiven());
    }

    /**
     * The client's language when it named one; otherwise what the text reads as. A page's
     * {@code <html lang>} is not trusted: site templates declare one language for every page.
     */
    private String language(ValidArticle article, CleanedArticle cleaned) {
        return article.languageGiven() ? article.language() : languages.identify(cleaned.text());
    }

    private static Optional<IntakeOutcome> findSame(ValidArticle article) {
        Optional<StoredArticle> same = article.url() == null
                ? Optional.empty()
                : StoredArticle.findByUrl(article.url());
        if (same.isEmpty()) {
            same = StoredArticle.findByContentSha256(article.contentSha256());
        }
        return same.map(stored -> new IntakeOutcome(stored.id, stored.status, true,
                stored.duplicateOf == null ? 0 : stored.duplicateOf));
    }

    private IntakeOutcome insert(NewArticle fresh) {
        ValidArticle article = fresh.article();
        Optional<StoryMatch> story = fresh.signature().flatMap(stories::findSameStory);
        Instant now = Instant.now();
        ArticleState status = LanguageIdentifier.isSupported(fresh.language())
                ? ArticleState.ACCEPTED
                : ArticleState.UNSUPPORTED_LANGUAGE;
        StoredArticle stored = new StoredArticle();
        stored.url = article.url();
        stored.source = article.source();
        stored.title = article.title();
        stored.publishedAt = article.publishedAt() == null ? now : article.publishedAt();
        stored.contentType = article.kind().name();
        stored.language = fresh.language();
        stored.rawContent = article.content();
        stored.cleanedText = fresh.cleanedText();
        stored.contentSha256 = article.contentSha256();
        stored.status = status;
        stored.attempts = 0;
        stored.nextAttemptAt = now;
        stored.acceptedAt = now;
        stored.duplicateOf = story.map(StoryMatch::storyId).orElse(null);
        // A copy joins its root's story; a root's story_id is its own id, set by the
        // database at insert (migration V3), so no second statement is needed.
        stored.storyId = story.map(StoryMatch::storyId).orElse(null);
        // Flush here so a unique-index conflict surfaces inside this transaction.
        stored.persistAndFlush();
        fresh.signature().ifPresent(signature -> stories.add(stored.id, signature));
        return new IntakeOutcome(stored.id, status, false, story.map(StoryMatch::storyId).orElse(0L));
    }
}
