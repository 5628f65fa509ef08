package newsroom.cli.query;

import newsroom.cli.UserError;

/** {@code --limit}: how many results to collect over as many pages as it takes. */
final class Limit {

    /** The largest page the query service serves. */
    static final int MAX_PAGE_SIZE = 100;

    private Limit() {
    }

    static void check(int limit) {
        if (limit < 1) {
            throw new UserError("--limit: must be at least 1, not " + limit);
        }
    }
}
