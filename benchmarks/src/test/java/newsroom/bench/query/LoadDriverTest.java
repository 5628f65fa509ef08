package newsroom.bench.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.util.concurrent.ListenableFuture;
import com.google.common.util.concurrent.ListeningExecutorService;
import com.google.common.util.concurrent.MoreExecutors;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import newsroom.bench.CpuMeter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The query benchmark's closed-loop clients: a warm-up makes the calls asked for, and stops at its time bound;
 * a mix is taken in turn by each client.
 */
class LoadDriverTest {

    private final ListeningExecutorService service = MoreExecutors.listeningDecorator(Executors.newFixedThreadPool(2));
    private final LoadDriver driver = new LoadDriver(4, new CpuMeter(List.of(), List.of()));

    @AfterEach
    void stopService() {
        service.shutdownNow();
    }

    @Test
    void aWarmUpMakesExactlyTheCallsAskedFor() throws Exception {
        AtomicLong made = new AtomicLong();
        Function<Random, ListenableFuture<?>> call = random -> service.submit(made::incrementAndGet);

        LoadDriver.WarmUp warmUp = driver.warmUp(call, 1000, 600_000);

        assertEquals(1000, warmUp.calls());
        assertEquals(1000, made.get());
    }

    @Test
    void aWarmUpStopsAtItsTimeBoundWhenTheCallsAreSlow() throws Exception {
        Function<Random, ListenableFuture<?>> call = random -> service.submit(() -> {
            Thread.sleep(20);
            return null;
        });

        LoadDriver.WarmUp warmUp = driver.warmUp(call, Long.MAX_VALUE, 200);

        assertTrue(warmUp.calls() > 0 && warmUp.calls() < Long.MAX_VALUE, warmUp.toString());
    }

    @Test
    void eachClientTakesTheMixInTurnStartingAtItsOwnCall() throws Exception {
        // Each client draws from a Random of its own: its calls are told apart by that Random.
        Map<Random, List<Integer>> callsByClient = new IdentityHashMap<>();
        List<Function<Random, ListenableFuture<?>>> mix = new ArrayList<>();
        for (int c = 0; c < 3; c++) {
            int call = c;
            mix.add(random -> {
                synchronized (callsByClient) {
                    callsByClient.computeIfAbsent(random, r -> new ArrayList<>()).add(call);
                }
                return service.submit(() -> null);
            });
        }

        LoadDriver.Result result = driver.run(mix, 0, 300);

        assertTrue(result.calls() > 0, result.toString());
        assertEquals(4, callsByClient.size());
        List<Integer> firsts = new ArrayList<>();
        for (List<Integer> calls : callsByClient.values()) {
            firsts.add(calls.get(0));
            for (int i = 1; i < calls.size(); i++) {
                int at = i;
                // The message is made only on a failure: a client makes many thousands of calls in the run.
                assertEquals((calls.get(i - 1) + 1) % 3, calls.get(i),
                        () -> "client's call " + at + " of " + calls.size() + " after " + calls.get(at - 1));
            }
        }
        // Clients 0 to 3 start at calls 0, 1, 2 and 0.
        firsts.sort(null);
        assertEquals(List.of(0, 0, 1, 2), firsts);
    }

    @Test
    void aFailedCallIsCountedAndTheRunGoesOn() throws Exception {
        AtomicLong made = new AtomicLong();
        // One call in 500 fails, as a statement past its timeout would.
        Function<Random, ListenableFuture<?>> call = random -> service.submit(() -> {
            if (made.incrementAndGet() % 500 == 0) {
                throw new IllegalStateException("statement timeout");
            }
            return null;
        });

        LoadDriver.Result result = driver.run(call, 0, 500);

        assertTrue(made.get() >= 2000, "the run went on past its failures: " + made.get() + " calls");
        assertTrue(result.failed() > 0 && result.failed() < result.calls(), result.toString());
        assertTrue(result.firstFailure().contains("statement timeout"), result.firstFailure());
        LoadDriver.WarmUp warmUp = driver.warmUp(call, 5000, 600_000);
        assertEquals(5000, warmUp.calls());
        assertTrue(warmUp.failed() >= 9, warmUp.toString());
    }

    @Test
    void aServiceFailingEveryCallEndsTheRun() {
        Function<Random, ListenableFuture<?>> call = random -> service.submit(() -> {
            throw new IllegalStateException("connection refused");
        });

        IllegalStateException stopped = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> driver.run(call, 0, 60_000));
        assertTrue(stopped.getMessage().contains("calls failed, more than 1%"), stopped.getMessage());
        assertTrue(String.valueOf(stopped.getCause()).contains("connection refused"), stopped.toString());
    }
}
