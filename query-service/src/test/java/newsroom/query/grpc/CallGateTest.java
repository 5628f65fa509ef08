package newsroom.query.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
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
        CallGate gate = gate(2);
        CallsAtOnce atOnce = new CallsAtOnce();
        List<Thread> callers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Thread caller = new Thread(() -> gate.admit("one", () -> atOnce.during(() -> sleep(20))));
            callers.add(caller);
            caller.start();
        }
        for (Thread caller : callers) {
            caller.join(10_000);
        }
        assertEquals(2, atOnce.most());
    }

    @Test
    void waitingCallsRunInTheOrderTheyArrived() throws Exception {
        CallGate gate = gate(1);
        CountDownLatch release = new CountDownLatch(1);
        // Admitted, and holding its admission until released.
        Thread first = startParked(() -> gate.admit("one", () -> await(release)));
        List<Integer> order = Collections.synchronizedList(new ArrayList<>());
        List<Thread> waiting = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            int number = i;
            Thread caller = new Thread(() -> gate.admit("one", () -> order.add(number)));
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
        CallGate gate = gate(1);
        CountDownLatch letGo = new CountDownLatch(1);
        List<String> order = Collections.synchronizedList(new ArrayList<>());
        // The holder gives its admission back and at once asks again, as a worker thread
        // taking its next call does: a waiting call must still go first.
        Thread holder = new Thread(() -> {
            gate.admit("one", () -> await(letGo));
            gate.admit("one", () -> order.add("arrived later"));
        });
        holder.start();
        waitUntilParked(holder);
        Thread waiting = startParked(() -> gate.admit("one", () -> order.add("waiting")));
        letGo.countDown();
        holder.join(10_000);
        waiting.join(10_000);
        assertEquals(List.of("waiting", "arrived later"), order);
    }

    @Test
    void aFailedCallGivesItsAdmissionBack() {
        CallGate gate = gate(1);
        assertThrows(IllegalStateException.class, () -> gate.admit("one", () -> {
            throw new IllegalStateException("the statement failed");
        }));
        assertEquals("next", gate.admit("one", () -> "next"));
    }

    @Test
    void refusesFewerThanOneAdmission() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new CallGate(0, 1, 1));
        assertTrue(e.getMessage().contains("newsroom.query.concurrent-calls"), e.getMessage());
        IllegalArgumentException share = assertThrows(IllegalArgumentException.class, () -> new CallGate(2, 3, 1));
        assertTrue(share.getMessage().contains("newsroom.query.concurrent-calls-per-key"), share.getMessage());
    }

    @Test
    void aClientRunsNoMoreThanItsShareAndAnotherClientPassesItsQueue() throws Exception {
        CallGate gate = new CallGate(4, 2, 100);
        CountDownLatch release = new CountDownLatch(1);
        CallsAtOnce atOnce = new CallsAtOnce();
        List<Thread> hammering = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Thread caller = new Thread(() -> gate.admit("hammer", () -> atOnce.during(() -> await(release))));
            caller.start();
            hammering.add(caller);
        }
        for (Thread caller : hammering) {
            waitUntilParked(caller); // two hold their admission, four wait in the hammer's queue
        }
        assertEquals(2, atOnce.running());

        // Another client is not queued behind the hammer's four waiting calls.
        assertEquals("answered", gate.admit("reader", () -> "answered"));

        release.countDown();
        for (Thread caller : hammering) {
            caller.join(10_000);
        }
        assertEquals(2, atOnce.most(), "the hammer never ran more than its share");
    }

    @Test
    void freedAdmissionsGoToWaitingClientsInTurn() throws Exception {
        CallGate gate = new CallGate(1, 1, 100);
        CountDownLatch release = new CountDownLatch(1);
        Thread holder = startParked(() -> gate.admit("holder", () -> await(release)));
        List<String> order = Collections.synchronizedList(new ArrayList<>());
        List<Thread> waiting = new ArrayList<>();
        for (String call : List.of("a1", "a2", "a3", "b1", "b2")) {
            Thread caller = startParked(() -> gate.admit(call.substring(0, 1), () -> order.add(call)));
            waiting.add(caller);
        }
        release.countDown();
        for (Thread caller : waiting) {
            caller.join(10_000);
        }
        // Client b arrived after all of a's calls, yet waits for one of them at a time, not three.
        assertEquals(List.of("a1", "b1", "a2", "b2", "a3"), order);
    }

    @Test
    void aClientWithTooManyCallsWaitingIsToldToWait() throws Exception {
        CallGate gate = new CallGate(1, 1, 2);
        CountDownLatch release = new CountDownLatch(1);
        Thread holder = startParked(() -> gate.admit("greedy", () -> await(release)));
        List<Thread> waiting = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Thread caller = startParked(() -> gate.admit("greedy", () -> "late"));
            waiting.add(caller);
        }

        StatusRuntimeException refused = assertThrows(StatusRuntimeException.class,
                () -> gate.admit("greedy", () -> "one too many"));
        assertEquals(Status.Code.RESOURCE_EXHAUSTED, refused.getStatus().getCode());
        assertTrue(refused.getStatus().getDescription().contains("newsroom.query.waiting-calls-per-key=2"),
                refused.getStatus().getDescription());
        // Another client still queues as usual.
        Thread other = startParked(() -> gate.admit("patient", () -> "served"));

        release.countDown();
        holder.join(10_000);
        other.join(10_000);
        for (Thread caller : waiting) {
            caller.join(10_000);
        }
        assertEquals("again", gate.admit("greedy", () -> "again"));
    }

    /** A gate where every call comes from one client that may use all of it: first come, first served. */
    private static CallGate gate(int admissions) {
        return new CallGate(admissions, admissions, 100);
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

    /** Counts the calls inside {@link #during} at once, and the most there ever were. */
    private static final class CallsAtOnce {
        private final AtomicInteger running = new AtomicInteger();
        private final AtomicInteger most = new AtomicInteger();

        int during(Runnable call) {
            most.accumulateAndGet(running.incrementAndGet(), Math::max);
            call.run();
            return running.decrementAndGet();
        }

        int running() {
            return running.get();
        }

        int most() {
            return most.get();
        }
    }

    /** A new thread running {@code call}, once it waits (for an admission, or inside its call). */
    private static Thread startParked(Runnable call) throws InterruptedException {
        Thread thread = new Thread(call);
        thread.start();
        waitUntilParked(thread);
        return thread;
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
