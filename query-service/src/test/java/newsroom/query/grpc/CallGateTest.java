package newsroom.query.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CallGateTest {

    @Test
    void admitsNoMoreCallsAtOnceThanAllowed() throws Exception {
        CallGate gate = new CallGate(2);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        List<Thread> callers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Thread caller = new Thread(() -> gate.admit(() -> {
                mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
                sleep(20);
                return running.decrementAndGet();
            }));
            callers.add(caller);
            caller.start();
        }
        for (Thread caller : callers) {
            caller.join(10_000);
        }
        assertEquals(2, mostAtOnce.get());
    }

    @Test
    void waitingCallsRunInTheOrderTheyArrived() throws Exception {
        CallGate gate = new CallGate(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread first = new Thread(() -> gate.admit(() -> await(release)));
        first.start();
        waitUntilParked(first); // admitted, and holding its admission until released
        List<Integer> order = Collections.synchronizedList(new ArrayList<>());
        List<Thread> waiting = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            int number = i;
            Thread caller = new Thread(() -> gate.admit(() -> order.add(number)));
            caller.start();
            // Each caller waits at the gate before the next one arrives.
            waitUntilParked(caller);
            waiting.add(caller);
        }
        assertTrue(order.isEmpty(), "no call may pass while the only admission is taken");
        release.countDown();
        for (Thread caller : waiting) {
            caller.join(10_000);
        }
        assertEquals(List.of(0, 1, 2, 3, 4, 5), order);
    }

    @Test
    void aCallArrivingAfterAnotherStartedWaitingDoesNotOvertakeIt() throws Exception {
        CallGate gate = new CallGate(1);
        CountDownLatch letGo = new CountDownLatch(1);
        List<String> order = Collections.synchronizedList(new ArrayList<>());
        // The holder gives its admission back and at once asks again, as a worker thread
        // taking its next call does: a waiting call must still go first.
        Thread holder = new Thread(() -> {
            gate.admit(() -> await(letGo));
            gate.admit(() -> order.add("arrived later"));
        });
        holder.start();
        waitUntilParked(holder);
        Thread waiting = new Thread(() -> gate.admit(() -> order.add("waiting")));
        waiting.start();
        waitUntilParked(waiting);
        letGo.countDown();
        holder.join(10_000);
        waiting.join(10_000);
        assertEquals(List.of("waiting", "arrived later"), order);
    }

    @Test
    void aFailedCallGivesItsAdmissionBack() {
        CallGate gate = new CallGate(1);
        assertThrows(IllegalStateException.class, () -> gate.admit(() -> {
            throw new IllegalStateException("the statement failed");
        }));
        assertEquals("next", gate.admit(() -> "next"));
    }

    @Test
    void refusesFewerThanOneAdmission() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new CallGate(0));
        assertTrue(e.getMessage().contains("newsroom.query.concurrent-calls"), e.getMessage());
    }

    private static boolean await(CountDownLatch latch) {
        try {
            return latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void waitUntilParked(Thread thread) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!parked(thread) && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        assertTrue(parked(thread), thread.getName() + " should be waiting, is " + thread.getState());
    }

    private static boolean parked(Thread thread) {
        return thread.getState() == Thread.State.WAITING || thread.getState() == Thread.State.TIMED_WAITING;
    }
}
