package newsroom.query;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.Map;
import newsroom.query.paging.KeysetPageRequest;
import newsroom.query.paging.PageRequest;
import newsroom.query.paging.PageTokens;
import newsroom.query.paging.QueryFingerprint;

/**
 * What a call that answers with a page of rows reads with: the page its page token asks
 * for, and the entity manager its statements run on. A search (a {@link CallClass#SEARCH}
 * call) starts its transaction with {@link #underSearchLimit()}, so that every search gets the
 * searches' statement_timeout ({@link StatementTimeouts}) the same way.
 */
@ApplicationScoped
public class PagedReads {

    private final EntityManager entityManager;
    private final PageTokens pageTokens;
    private final StatementTimeouts timeouts;

    PagedReads(EntityManager entityManager, PageTokens pageTokens, StatementTimeouts timeouts) {
        this.entityManager = entityManager;
        this.pageTokens = pageTokens;
        this.timeouts = timeouts;
    }

    /** The page a call's page size and token ask for, of the list {@code query} names ({@link PageTokens#request}). */
    public PageRequest page(int pageSize, String pageToken, QueryFingerprint query) {
        return pageTokens.request(pageSize, pageToken, query);
    }

    /** The same, for a list with its own default and largest page size. */
    public PageRequest page(int pageSize, String pageToken, QueryFingerprint query, int defaultSize, int maxSize) {
        return pageTokens.request(pageSize, pageToken, query, defaultSize, maxSize);
    }

    /** The page a call asks for, of a list that pages by key ({@link PageTokens#keysetRequest}). */
    public KeysetPageRequest keysetPage(int pageSize, String pageToken, QueryFingerprint query) {
        return pageTokens.keysetRequest(pageSize, pageToken, query);
    }

    /** The entity manager, for statements that run under the limit the call already has. */
    public EntityManager entityManager() {
        return entityManager;
    }

    /** Gives the rest of the current transaction the searches' limit; its statements run on what it returns. */
    public EntityManager underSearchLimit() {
        timeouts.setLocal(entityManager, CallClass.SEARCH);
        return entityManager;
    }

    /**
     * Gives the rest of the current transaction the searches' limit and {@code plannerSettings},
     * in one statement ({@link PlannerSettings}); its statements run on what it returns.
     */
    public EntityManager underSearchLimit(Map<String, String> plannerSettings) {
        PlannerSettings.setLocal(entityManager, timeouts.settingWith(CallClass.SEARCH, plannerSettings));
        return entityManager;
    }
}
