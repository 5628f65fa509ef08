package newsroom.ingest.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import newsroom.cleaning.ContentKind;
import newsroom.store.ArticleState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * How concurrent callers share transactions. The transaction is a function here that
 * records the groups it is given and holds them until the test lets them go, so which
 * caller joins which group is decided by the test, not by timing.
 */
class GroupCommitTest {

    /** The defaults of newsroom.ingest.intake.group-commit-transactions and group-commit-articles. */
    private static final int MAX_TRANSACTIONS = 2;
    private static final int MAX_ARTICLES = 128;

    private final ExecutorService callers = Executors.newCachedThreadPool();
    private final HeldTransactions transactions = new HeldTransactions();
    private final GroupCommit commits = new GroupCommit(MAX_TRANSACTIONS, MAX_ARTICLES, transactions);

    @AfterEach
    void stopCallers() {
        callers.shutdownNow();
    }

    @Test
    void callersQueuedWhileTheTransactionsRunShareTheNextOneAndEachGetsItsOwnOutcomes() throws Exception {
        List<Future<List<IntakeOutcome>>> held = occupyBothTransactions();
        // Three more wait: two single articles and a batch of three.
        Future<List<IntakeOutcome>> third = call(articles(10, 1));
        Future<List<IntakeOutcome>> fourth = call(articles(20, 1));
        Future<List<IntakeOutcome>> batch = call(articles(30, 3));
        awaitQueued(3);

        transactions.release();

        assertEquals(List.of(1L), ids(held.get(0)));
        assertEquals(List.of(2L), ids(held.get(1)));
        assertEquals(List.of(10L), ids(third));
        assertEquals(List.of(20L), ids(fourth));
        assertEquals(List.of(30L, 31L, 32L), ids(batch));
        // The three waiting callers went into one transaction: 5 articles, 3 transactions.
        assertEquals(List.of(1, 1, 5), transactions.groupSizes().stream().sorted().toList());
        assertTrue(transactions.mostAtOnce() <= MAX_TRANSACTIONS);
    }

    @Test
    void aFailedTransactionFailsEveryCallerOfItsGroupAndTheNextGroupStillRuns() throws Exception {
        RuntimeException storeDown = new IllegalStateException("store down");
        transactions.failGroupsHolding(20L, storeDown);

        List<Future<List<IntakeOutcome>>> held = occupyBothTransactions();
        Future<List<IntakeOutcome>> third = call(articles(10, 1));
        Future<List<IntakeOutcome>> fourth = call(articles(20, 1));
        awaitQueued(2);
        transactions.release();

        assertEquals(List.of(1L), ids(held.get(0)));
        assertSame(storeDown, failure(third));
        assertSame(storeDown, failure(fourth));
        assertEquals(List.of(2L), ids(held.get(1)));
        // Later callers are served.
        assertEquals(List.of(40L), ids(call(articles(40, 1))));
    }

    @Test
    void aGroupHoldsAtMostMaxArticlesAndTheRestGoIntoTheNext() throws Exception {
        List<Future<List<IntakeOutcome>>> held = occupyBothTransactions();
        int batch = MAX_ARTICLES / 2 + 1;
        List<Future<List<IntakeOutcome>>> big = new ArrayList<>();
        for (int b = 0; b < 3; b++) {
            big.add(call(articles(1_000L * (b + 1), batch)));
            awaitQueued(b + 1);
        }
        transactions.release();

        ids(held.get(0));
        ids(held.get(1));
        for (int b = 0; b < 3; b++) {
            List<IntakeOutcome> outcomes = big.get(b).get(1, TimeUnit.MINUTES);
            assertEquals(batch, outcomes.size());
            assertEquals(1_000L * (b + 1), outcomes.get(0).articleId());
        }
        List<Integer> sizes = transactions.groupSizes();
        assertEquals(5, sizes.size(), "each big batch alone: " + sizes);
        assertTrue(sizes.stream().allMatch(size -> size <= MAX_ARTICLES), sizes::toString);
    }

    @Test
    void aLimitBelowOneIsRefusedNamingTheSetting() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> new GroupCommit(0, MAX_ARTICLES, new HeldTransactions()));
        assertTrue(refused.getMessage().contains("group-commit-transactions"), refused.getMessage());
    }

    private Future<List<IntakeOutcome>> call(List<PreparedArticle> articles) {
        return callers.submit(() -> commits.store(articles));
    }

    /** Articles 1 and 2, each by a caller of its own, in the two transactions allowed: held open until released. */
    private List<Future<List<IntakeOutcome>>> occupyBothTransactions() throws InterruptedException {
        List<Future<List<IntakeOutcome>>> held = List.of(call(articles(1, 1)), call(articles(2, 1)));
        transactions.awaitStarted(MAX_TRANSACTIONS);
        return held;
    }

    private void awaitQueued(int count) throws InterruptedException {
        while (commits.queued() < count) {
            Thread.sleep(1);
        }
    }

    private static Throwable failure(Future<?> call) throws Exception {
        try {
            call.get(1, TimeUnit.MINUTES);
            throw new AssertionError("expected the call to fail");
        } catch (ExecutionException e) {
            return e.getCause();
        }
    }

    /** The ids of the call's outcomes, once it has returned. */
    private static List<Long> ids(Future<List<IntakeOutcome>> call) throws Exception {
        return call.get(1, TimeUnit.MINUTES).stream().map(IntakeOutcome::articleId).toList();
    }

    /** {@code count} articles whose content hashes are the ids the fake transaction answers with. */
    private static List<PreparedArticle> articles(long firstId, int count) {
        List<PreparedArticle> articles = new ArrayList<>();
        for (long id = firstId; id < firstId + count; id++) {
            ValidArticle valid = new ValidArticle(null, "", "", Instant.EPOCH, "text " + id, Long.toString(id),
                    ContentKind.PLAIN_TEXT, "en", false, "", null);
            articles.add(new PreparedArticle(valid, "text " + id, "en", Optional.empty()));
        }
        return articles;
    }

    /** Transactions that wait for {@link #release} and answer each article with the id in its hash. */
    private static final class HeldTransactions implements Function<List<PreparedArticle>, List<IntakeOutcome>> {
        private final CountDownLatch released = new CountDownLatch(1);
        private final List<Integer> groupSizes = Collections.synchronizedList(new ArrayList<>());
        private final AtomicInteger started = new AtomicInteger();
        private final AtomicInteger running = new AtomicInteger();
        private final AtomicInteger mostAtOnce = new AtomicInteger();
        private long failingId = -1;
        private RuntimeException failure;

        void failGroupsHolding(long id, RuntimeException failure) {
            this.failingId = id;
            this.failure = failure;
        }

        @Override
        public List<IntakeOutcome> apply(List<PreparedArticle> group) {
            started.incrementAndGet();
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                released.await();
                groupSizes.add(group.size());
                List<IntakeOutcome> outcomes = new ArrayList<>();
                for (PreparedArticle article : group) {
                    long id = Long.parseLong(article.article().contentSha256());
                    if (id == failingId) {
                        throw failure;
                    }
                    outcomes.add(new IntakeOutcome(id, ArticleState.ACCEPTED, false, 0));
                }
                return outcomes;
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            } finally {
                running.decrementAndGet();
            }
        }

        void awaitStarted(int count) throws InterruptedException {
            while (started.get() < count) {
                Thread.sleep(1);
            }
        }

        void release() {
            released.countDown();
        }

        List<Integer> groupSizes() {
            synchronized (groupSizes) {
                return List.copyOf(groupSizes);
            }
        }

        int mostAtOnce() {
            return mostAtOnce.get();
        }
    }
}
