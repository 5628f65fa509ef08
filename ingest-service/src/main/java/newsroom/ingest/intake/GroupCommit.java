package newsroom.ingest.intake;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Stores the articles of concurrent callers (single {@code IngestArticle}
 * calls, batches of bulk streams) together: one transaction, one commit (one
 * flush to disk) and one pair of statements for all that are waiting, instead
 * of one each. Nobody waits on purpose: a caller that finds fewer than
 * {@code maxTransactions} transactions running starts one with everything
 * queued (its own articles included); the others queue up and are taken by
 * the next transaction, so groups grow exactly when PostgreSQL is the
 * bottleneck. Each caller gets back only once its own articles are committed
 * and receives its own outcomes; a failure of the shared transaction is
 * thrown to every caller of the group, none of whose articles is then stored.
 */
final class GroupCommit {

    /** Transactions running at once (newsroom.ingest.intake.group-commit-transactions; docs/tuning.md). */
    private final int maxTransactions;
    /** Articles per transaction at most (newsroom.ingest.intake.group-commit-articles; docs/tuning.md). */
    private final int maxArticles;
    private final Function<List<PreparedArticle>, List<IntakeOutcome>> storeTogether;
    private final ArrayDeque<Waiting> queue = new ArrayDeque<>();
    private int running;

    /**
     * @param maxTransactions transactions running at once, at least 1
     * @param maxArticles     articles per transaction at most (a larger caller's batch still gets one), at least 1
     * @param storeTogether   stores articles in one transaction; the outcomes in their order
     */
    GroupCommit(int maxTransactions, int maxArticles, Function<List<PreparedArticle>, List<IntakeOutcome>> storeTogether) {
        if (maxTransactions < 1 || maxArticles < 1) {
            throw new IllegalArgumentException("newsroom.ingest.intake.group-commit-transactions and "
                    + "group-commit-articles must be at least 1; they are " + maxTransactions + " and " + maxArticles);
        }
        this.maxTransactions = maxTransactions;
        this.maxArticles = maxArticles;
        this.storeTogether = storeTogether;
    }

    /** Stores {@code articles} with whatever else is waiting; their outcomes, in their order. */
    List<IntakeOutcome> store(List<PreparedArticle> articles) {
        Waiting mine = new Waiting(articles);
        boolean interrupted = false;
        try {
            synchronized (this) {
                queue.add(mine);
            }
            while (true) {
                List<Waiting> group;
                synchronized (this) {
                    // Wait while mine is in a group being stored, or queued with no room for a transaction.
                    while (!mine.done && (mine.taken || running >= maxTransactions)) {
                        try {
                            wait();
                        } catch (InterruptedException e) {
                            // The articles may be in a transaction already: their caller still gets the outcome.
                            interrupted = true;
                        }
                    }
                    if (mine.done) {
                        return mine.outcome();
                    }
                    group = takeGroup();
                    running++;
                }
                storeGroup(group);
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Callers waiting for a transaction (for tests). */
    synchronized int queued() {
        return queue.size();
    }

    /** The queue's head, then whoever follows, up to {@code maxArticles} (the head always). */
    private List<Waiting> takeGroup() {
        List<Waiting> group = new ArrayList<>();
        int articles = 0;
        while (!queue.isEmpty()
                && (group.isEmpty() || articles + queue.peek().articles.size() <= maxArticles)) {
            Waiting next = queue.poll();
            next.taken = true;
            group.add(next);
            articles += next.articles.size();
        }
        return group;
    }

    private void storeGroup(List<Waiting> group) {
        List<PreparedArticle> all = new ArrayList<>();
        for (Waiting waiting : group) {
            all.addAll(waiting.articles);
        }
        List<IntakeOutcome> outcomes = null;
        RuntimeException failure = null;
        try {
            outcomes = storeTogether.apply(all);
        } catch (RuntimeException e) {
            failure = e;
        } finally {
            synchronized (this) {
                int from = 0;
                for (Waiting waiting : group) {
                    int to = from + waiting.articles.size();
                    if (outcomes != null) {
                        waiting.outcomes = outcomes.subList(from, to);
                    } else {
                        // An Error (out of memory) leaves no RuntimeException: the group still fails.
                        waiting.failure = failure != null ? failure
                                : new IllegalStateException("storing a group of articles was aborted");
                    }
                    waiting.done = true;
                    from = to;
                }
                running--;
                notifyAll();
            }
        }
    }

    /** One caller's articles and, once stored, their outcomes or the failure. */
    private static final class Waiting {
        final List<PreparedArticle> articles;
        List<IntakeOutcome> outcomes;
        RuntimeException failure;
        /** In a group being stored. */
        boolean taken;
        boolean done;

        Waiting(List<PreparedArticle> articles) {
            this.articles = articles;
        }

        List<IntakeOutcome> outcome() {
            if (failure != null) {
                throw failure;
            }
            return outcomes;
        }
    }
}
