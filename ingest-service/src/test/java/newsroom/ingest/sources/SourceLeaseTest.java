package newsroom.ingest.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import newsroom.ingest.Articles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Replicas sharing sources through leases: two claimers never get the same source, a lease that
 * lapses (its replica died) lets another take the source, and the holder of a lapsed lease can
 * no longer record over the new holder. The schedule: failures back off, doubling, up to the
 * cap; the adaptive interval stays within its bounds. This replica's poller is off, so that
 * only the test claims.
 */
@QuarkusTest
@TestProfile(SourceLeaseTest.PollerOff.class)
class SourceLeaseTest {

    /** No poller: the test's claims are the only ones. */
    public static class PollerOff implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("newsroom.sources.enabled", "false");
        }
    }

    private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

    @Inject
    SourceStore store;

    final List<Long> added = new ArrayList<>();

    @AfterEach
    void removeSources() {
        added.forEach(store::delete);
    }

    @Test
    void twoClaimersNeverGetTheSameSource() throws Exception {
        for (int i = 0; i < 40; i++) {
            add();
        }
        CountDownLatch go = new CountDownLatch(1);
        CompletableFuture<List<SourceLease>> first = CompletableFuture.supplyAsync(() -> claimAfter(go, 30));
        CompletableFuture<List<SourceLease>> second = CompletableFuture.supplyAsync(() -> claimAfter(go, 30));
        go.countDown();

        List<SourceLease> firstLeases = first.get();
        List<SourceLease> secondLeases = second.get();
        Set<Long> firstIds = ids(firstLeases);
        Set<Long> secondIds = ids(secondLeases);
        assertTrue(firstIds.stream().noneMatch(secondIds::contains), firstIds + " and " + secondIds);
        Set<Long> both = new HashSet<>(firstIds);
        both.addAll(secondIds);
        assertEquals(new HashSet<>(added), both, "between them, every due source is claimed once");
        assertTrue(firstLeases.stream().noneMatch(lease -> secondLeases.stream()
                .anyMatch(other -> other.owner().equals(lease.owner()))), "each claim has its own owner");
        // All are leased now: nobody gets any until a lease ends.
        assertEquals(List.of(), store.claimDue(100, FIVE_MINUTES).stream()
                .filter(lease -> added.contains(lease.source().id())).toList());
    }

    @Test
    void aLapsedLeaseIsClaimedAgainAndItsFormerHolderCannotRecordOverTheNewOne() {
        long id = add();
        // A replica claims the source for a moment and dies (never finishes).
        SourceLease dead = store.claim(id, Duration.ofMillis(300)).orElseThrow();
        assertTrue(store.claim(id, FIVE_MINUTES).isEmpty(), "leased: a second claim is refused");

        List<SourceLease> reclaimed = new ArrayList<>();
        Articles.await("the lapsed lease to be claimed again", () -> {
            store.claimDue(100, FIVE_MINUTES).stream().filter(lease -> lease.source().id() == id)
                    .forEach(reclaimed::add);
            return !reclaimed.isEmpty();
        });
        SourceLease alive = reclaimed.get(0);

        FetchReport late = new FetchReport(SourceOutcome.FAILED, "late", null, null, null, null, 0, 0, 0);
        assertTrue(store.finish(dead, late, Duration.ofMinutes(15), 1, Duration.ofMinutes(30)).isEmpty());
        assertFalse(store.renew(dead, FIVE_MINUTES));
        FetchReport done = new FetchReport(SourceOutcome.NOT_MODIFIED, null, null, null, null, null, 0, 0, 0);
        FollowedSource recorded = store.finish(alive, done, Duration.ofMinutes(20), 0, Duration.ofMinutes(20))
                .orElseThrow();
        assertEquals(SourceOutcome.NOT_MODIFIED, recorded.lastOutcome());
        assertEquals("", recorded.lastError());
        assertEquals(Duration.ofMinutes(20), recorded.interval());
        assertTrue(store.claim(id, FIVE_MINUTES).isPresent(), "released: free to claim");
    }

    @Test
    void aPausedSourceIsNotClaimedOnItsScheduleAndResumingMakesItDue() {
        long id = add();
        store.pause(id);
        assertTrue(store.claimDue(100, FIVE_MINUTES).stream().noneMatch(lease -> lease.source().id() == id));
        FollowedSource resumed = store.resume(id).orElseThrow();
        assertFalse(resumed.paused());
        assertTrue(store.claimDue(100, FIVE_MINUTES).stream().anyMatch(lease -> lease.source().id() == id));
    }

    @Test
    void failuresBackOffDoublingUpToTheCap() {
        SchedulePolicy policy = new SchedulePolicy(Duration.ofMinutes(5), Duration.ofHours(6), Duration.ofHours(6));
        Duration interval = Duration.ofMinutes(15);
        assertEquals(Duration.ofMinutes(30), policy.retryDelay(interval, 1));
        assertEquals(Duration.ofMinutes(60), policy.retryDelay(interval, 2));
        assertEquals(Duration.ofMinutes(120), policy.retryDelay(interval, 3));
        assertEquals(Duration.ofMinutes(240), policy.retryDelay(interval, 4));
        assertEquals(Duration.ofHours(6), policy.retryDelay(interval, 5));
        assertEquals(Duration.ofHours(6), policy.retryDelay(interval, 1_000_000), "no overflow, still the cap");
        assertEquals(Duration.ofSeconds(10), policy.retryDelay(Duration.ofSeconds(5), 1));
    }

    @Test
    void theAdaptiveIntervalHalvesAndGrowsWithinItsBounds() {
        SchedulePolicy policy = new SchedulePolicy(Duration.ofMinutes(5), Duration.ofHours(6), Duration.ofHours(6));
        Duration requested = Duration.ofMinutes(15);
        assertEquals(Duration.ofSeconds(450), policy.nextInterval(requested, requested, true));
        assertEquals(Duration.ofMinutes(5), policy.nextInterval(requested, Duration.ofSeconds(450), true), "the floor");
        assertEquals(Duration.ofMinutes(5), policy.nextInterval(requested, Duration.ofMinutes(5), true));
        assertEquals(Duration.ofSeconds(1350), policy.nextInterval(requested, requested, false));
        assertEquals(Duration.ofHours(6), policy.nextInterval(requested, Duration.ofHours(5), false), "the ceiling");
        // A requested interval outside the bounds widens them: 5 s stays possible, 7 days too.
        Duration fast = Duration.ofSeconds(5);
        assertEquals(fast, policy.nextInterval(fast, Duration.ofSeconds(8), true));
        assertEquals(Duration.ofSeconds(12), policy.nextInterval(fast, Duration.ofSeconds(8), false));
        Duration week = Duration.ofDays(7);
        assertEquals(week, policy.nextInterval(week, week, false));
        assertEquals(Duration.ofDays(7).dividedBy(2), policy.nextInterval(week, week, true));
    }

    private long add() {
        long id = store.insert("https://lease.example.org/" + UUID.randomUUID() + "/feed.xml", "Lease",
                Duration.ofMinutes(15)).orElseThrow().id();
        added.add(id);
        return id;
    }

    private List<SourceLease> claimAfter(CountDownLatch go, int limit) {
        try {
            go.await();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        return store.claimDue(limit, FIVE_MINUTES).stream().filter(lease -> added.contains(lease.source().id()))
                .toList();
    }

    private static Set<Long> ids(List<SourceLease> leases) {
        return new HashSet<>(leases.stream().map(lease -> lease.source().id()).toList());
    }
}
