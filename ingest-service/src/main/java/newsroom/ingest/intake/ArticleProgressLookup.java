package newsroom.ingest.intake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;

/** Reads where an article's analysis stands, without loading its content. */
@ApplicationScoped
public class ArticleProgressLookup {

    // By id, on the mapped row (article_pkey): the state's columns only, not the article's text.
    private static final String PROGRESS = """
            select new newsroom.ingest.intake.ArticleProgress(
                a.id, a.status, a.attempts, a.lastError, a.acceptedAt, a.analyzedAt, a.duplicateOf,
                a.failedAttempts, a.failureReason)
            from StoredArticle a where a.id = :id""";

    private final EntityManager entityManager;

    public ArticleProgressLookup(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** @throws ArticleNotFoundException when no article has this id */
    @Transactional
    public ArticleProgress find(long articleId) {
        List<ArticleProgress> found = entityManager.createQuery(PROGRESS, ArticleProgress.class)
                .setParameter("id", articleId)
                .getResultList();
        if (found.isEmpty()) {
            throw new ArticleNotFoundException(articleId);
        }
        return found.get(0);
    }
}
