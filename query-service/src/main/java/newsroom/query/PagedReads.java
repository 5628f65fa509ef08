package newsroom.query;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.Map;
import newsroom.query.paging.PageTokens;

/**
 * What a call that answers with a page of rows reads with: the page tokens that say which
 * page it is, and the entity manager its statements run on. A search (a {@link CallClass#SEARCH}
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

    /** The tokens that say which page a call asks for. */
    public PageTokens pageTokens() {
        return pageTokens;
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
