package newsroom.bench.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.util.concurrent.ListenableFuture;
import com.google.common.util.concurrent.ListeningExecutorService;
import com.google.common.util.concurrent.MoreExecutors;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import newsroom.bench.CpuMeter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The query benchmark's closed-loop clients: a warm-up makes the calls asked for, and stops at its time bound. */
class LoadDriverTest {

    private final ListeningExecutorService service = MoreExecutors.listeningDecorator(Executors.newFixedThreadPool(2));
    private final LoadDriver driver = new LoadDriver(4, new CpuMeter(List.of(), -1));

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
}
