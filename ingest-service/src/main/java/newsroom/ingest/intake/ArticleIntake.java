package newsroom.ingest.intake;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
import org.hibernate.Session;

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
    private final EntityManager entityManager;
    private final Event<ArticleAccepted> accepted;

    public ArticleIntake(IngestConfig config, LanguageIdentifier languages, StoryIndex stories,
                         EntityManager entityManager, Event<ArticleAccepted> accepted) {
        this.entityManager = entityManager;
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
        return store(List.of(prepare(article))).get(0);
    }

    /**
     * Validates and cleans {@code article} and reads its language and same-story signature:
     * all the work that needs no database, done before any transaction is opened.
     *
     * @param article the submission; null when the request carried none
     * @throws InvalidArticleException naming the field at fault
     */
    public PreparedArticle prepare(Article article) {
        ValidArticle valid = validator.validate(article);
        CleanedArticle cleaned = cleaner.read(valid.content(), valid.kind());
        if (cleaned.text().isBlank()) {
            throw new InvalidArticleException("article.content",
                    "has no text left after cleaning (it is only markup or boilerplate)");
        }
        return new PreparedArticle(withMetadata(valid, cleaned.metadata()), cleaned.text(),
                language(valid, cleaned), ShingleSignature.of(cleaned.text()));
    }

    /**
     * Stores prepared articles, or finds them stored already, in one transaction: one commit
     * (one flush to disk) for the lot, and an outcome only once that commit is done. The
     * outcomes are in the order of {@code batch}; a later article sees the earlier ones (a
     * repeat within the batch is found, a copy joins their story).
     */
    public List<IntakeOutcome> store(List<PreparedArticle> batch) {
        List<IntakeOutcome> outcomes;
        if (batch.size() == 1) {
            outcomes = List.of(storeAlone(batch.get(0)));
        } else {
            try {
                outcomes = QuarkusTransaction.requiringNew().call(
                        () -> batch.stream().map(this::findOrInsert).toList());
            } catch (RuntimeException e) {
                if (!DatabaseFailures.isUniqueViolation(e)) {
                    throw e;
                }
                // A concurrent submission of one of these committed first and the whole batch
                // was rolled back: store them one by one, each finding what the other stored.
                outcomes = batch.stream().map(this::storeAlone).toList();
            }
        }
        for (IntakeOutcome outcome : outcomes) {
            if (!outcome.alreadyStored() && outcome.status() == ArticleState.ACCEPTED) {
                accepted.fire(new ArticleAccepted(outcome.articleId()));
            }
        }
        return outcomes;
    }

    /** One article in its own transaction. */
    private IntakeOutcome storeAlone(PreparedArticle prepared) {
        try {
            // The unique indexes settle the race with a concurrent submission of the same article.
            return QuarkusTransaction.requiringNew().call(() -> findOrInsert(prepared));
        } catch (RuntimeException e) {
            if (!DatabaseFailures.isUniqueViolation(e)) {
                throw e;
            }
            // A concurrent submission of the same URL or content committed first.
            return QuarkusTransaction.requiringNew().call(() -> findSame(prepared.article())).orElseThrow(() -> e);
        }
    }

    /** Within the caller's transaction: the article stored with the same URL or content, else the new one. */
    private IntakeOutcome findOrInsert(PreparedArticle prepared) {
        return findSame(prepared.article()).orElseGet(() -> insert(prepared));
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

    /**
     * The stored article with the same URL, else the same content: one indexed query that
     * reads three columns, not the stored article's content.
     */
    private Optional<IntakeOutcome> findSame(ValidArticle article) {
        List<IntakeOutcome> same = new ArrayList<>(1);
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement("""
                    SELECT id, status, duplicate_of FROM article
                    WHERE url = ? OR content_sha256 = ?
                    ORDER BY (url = ?) IS TRUE DESC
                    LIMIT 1""")) {
                select.setString(1, article.url());
                select.setString(2, article.contentSha256());
                select.setString(3, article.url());
                try (ResultSet rows = select.executeQuery()) {
                    if (rows.next()) {
                        same.add(new IntakeOutcome(rows.getLong(1), ArticleState.valueOf(rows.getString(2)), true,
                                rows.getLong(3)));
                    }
                }
            }
        });
        return same.stream().findFirst();
    }

    private IntakeOutcome insert(PreparedArticle fresh) {
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
