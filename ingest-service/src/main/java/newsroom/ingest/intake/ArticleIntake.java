package newsroom.ingest.intake;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.time.Instant;
import java.util.List;
import newsroom.cleaning.ArticleCleaner;
import newsroom.cleaning.CleanedArticle;
import newsroom.cleaning.NestingTooDeepException;
import newsroom.cleaning.PageMetadata;
import newsroom.fetching.UrlNormalizer;
import newsroom.ingest.IngestConfig;
import newsroom.ingest.intake.language.LanguageIdentifier;
import newsroom.ingest.story.ShingleSignature;
import newsroom.ingest.story.StoryIndex;
import newsroom.ingest.v1.Article;
import newsroom.store.ArticleState;
import newsroom.store.DatabaseFailures;
import newsroom.store.MonthPartitions;

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
    private final ArticleBatchStore store;
    private final Event<ArticleAccepted> accepted;
    private final MonthPartitions partitions;
    private final GroupCommit commits;

    public ArticleIntake(IngestConfig config, LanguageIdentifier languages, ArticleBatchStore store,
                         Event<ArticleAccepted> accepted, MonthPartitions partitions) {
        this.validator = new ArticleValidator(config.maxContentBytes());
        this.languages = languages;
        this.store = store;
        this.accepted = accepted;
        this.partitions = partitions;
        this.commits = new GroupCommit(config.intake().groupCommitTransactions(), config.intake().groupCommitArticles(),
                this::storeInOneTransaction);
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
        CleanedArticle cleaned;
        try {
            cleaned = cleaner.read(valid.content(), valid.kind());
        } catch (NestingTooDeepException e) {
            throw new InvalidArticleException("article.content", e.getMessage());
        }
        if (cleaned.text().isBlank()) {
            throw new InvalidArticleException("article.content",
                    "has no text left after cleaning (it is only markup or boilerplate)");
        }
        return new PreparedArticle(withMetadata(valid, cleaned.metadata()), cleaned.text(),
                language(valid, cleaned), ShingleSignature.of(cleaned.text()));
    }

    /**
     * Stores prepared articles, or finds them stored already, in one transaction, shared with
     * the articles of concurrent callers ({@link GroupCommit}): one commit (one flush to disk)
     * for the lot, and an outcome only once that commit is done. The outcomes are in the order
     * of {@code batch}; a later article sees the earlier ones (a repeat within the batch, or of
     * a concurrent caller's article, is found; a copy joins their story).
     */
    public List<IntakeOutcome> store(List<PreparedArticle> batch) {
        // Before any row of the articles' months is written: the article's search row (at insert
        // for a language Newsroom does not analyse), later its mentions, quotes and entity days.
        // An article without a time is stored at the current month's, which the ahead job keeps.
        Instant now = Instant.now();
        List<Instant> times = batch.stream()
                .map(prepared -> prepared.article().publishedAt() == null ? now : prepared.article().publishedAt())
                .toList();
        partitions.ensureMonthsOf(times);
        List<IntakeOutcome> outcomes;
        try {
            outcomes = commits.store(batch);
        } catch (RuntimeException e) {
            if (!MonthPartitions.isMissingPartition(e)) {
                throw e;
            }
            // A month remembered here was dropped since (retention, maybe on another replica);
            // nothing of the batch was stored, so it is stored again once the month is back.
            partitions.recreateMonthsOf(times);
            outcomes = commits.store(batch);
        }
        for (IntakeOutcome outcome : outcomes) {
            if (!outcome.alreadyStored() && outcome.status() == ArticleState.ACCEPTED) {
                accepted.fire(new ArticleAccepted(outcome.articleId()));
            }
        }
        return outcomes;
    }

    /** Stores {@code batch} (one caller's articles or a group of callers', see {@link GroupCommit}) in one transaction. */
    private List<IntakeOutcome> storeInOneTransaction(List<PreparedArticle> batch) {
        List<IntakeOutcome> outcomes;
        if (batch.size() == 1) {
            outcomes = List.of(storeAlone(batch.get(0)));
        } else {
            try {
                outcomes = QuarkusTransaction.requiringNew().call(() -> store.findOrInsert(batch));
            } catch (RuntimeException e) {
                if (!DatabaseFailures.isUniqueViolation(e)) {
                    throw e;
                }
                // A concurrent submission of one of these committed first and the whole batch
                // was rolled back: store them one by one, each finding what the other stored.
                outcomes = batch.stream().map(this::storeAlone).toList();
            }
        }
        return outcomes;
    }

    /** One article on its own: its insert commits by itself (see {@link ArticleBatchStore#findOrInsertAlone}). */
    private IntakeOutcome storeAlone(PreparedArticle prepared) {
        try {
            // The unique indexes settle the race with a concurrent submission of the same article.
            return store.findOrInsertAlone(prepared);
        } catch (RuntimeException e) {
            if (!DatabaseFailures.isUniqueViolation(e)) {
                throw e;
            }
            // A concurrent submission of the same URL or content committed first.
            return store.findStored(prepared.article()).orElseThrow(() -> e);
        }
    }

    /** What the client left out and the page says: title, author, published time, canonical URL. */
    private static ValidArticle withMetadata(ValidArticle article, PageMetadata page) {
        if (page == PageMetadata.NONE) {
            return article;
        }
        String url = article.url() != null ? article.url() : ArticleValidator.canonicalUrl(page.canonicalUrl());
        String title = !article.title().isEmpty() || page.title() == null ? article.title() : page.title();
        String author = !article.author().isEmpty() || page.author() == null
                ? article.author()
                : ArticleValidator.plausibleAuthor(page.author());
        Instant published = article.publishedAt() != null
                ? article.publishedAt()
                : ArticleValidator.plausiblePublishedTime(page.publishedTime());
        return new ValidArticle(url, article.source(), title, published, article.content(),
                article.contentSha256(), article.kind(), article.language(), article.languageGiven(), author,
                normalisedCanonicalUrl(page.canonicalUrl()));
    }

    /**
     * The page's canonical URL in the one spelling sources compare links in ({@link UrlNormalizer}),
     * so that a feed's link to the same page finds it; null when the page names none, or one that
     * is not an http(s) URL (a page's markup never fails a submission).
     */
    private static String normalisedCanonicalUrl(String canonicalUrl) {
        String wellFormed = ArticleValidator.canonicalUrl(canonicalUrl);
        if (wellFormed == null) {
            return null;
        }
        try {
            return UrlNormalizer.normalize(wellFormed);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * The client's language when it named one; otherwise what the text reads as. A page's
     * {@code <html lang>} is not trusted: site templates declare one language for every page.
     */
    private String language(ValidArticle article, CleanedArticle cleaned) {
        return article.languageGiven() ? article.language() : languages.identify(cleaned.text());
    }
}
