package newsroom.cli.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import newsroom.cli.UserError;
import org.junit.jupiter.api.Test;

class RestartPolicyTest {

    private static final Instant NOW = Instant.parse("2026-12-07T03:00:00Z");

    @Test
    void theFirstRestartWaitsTheInitialBackoffAndEachRecentOneDoublesItUpToTheCap() {
        RestartPolicy policy = new RestartPolicy(Duration.ofSeconds(1), Duration.ofSeconds(30), 10, Duration.ofMinutes(10));
        List<Instant> restarts = new ArrayList<>();
        List<Duration> delays = new ArrayList<>();
        for (int death = 0; death < 8; death++) {
            RestartPolicy.RestartAfter decision = assertInstanceOf(RestartPolicy.RestartAfter.class,
                    policy.afterDeath(restarts, NOW.plusSeconds(death)));
            delays.add(decision.delay());
            restarts.add(NOW.plusSeconds(death));
        }
        assertEquals(List.of(1L, 2L, 4L, 8L, 16L, 30L, 30L, 30L), delays.stream().map(Duration::toSeconds).toList());
    }

    @Test
    void afterTheLimitOfRestartsWithinTheWindowItGivesUpAndSaysWhy() {
        RestartPolicy policy = RestartPolicy.DEFAULT;
        List<Instant> fiveInNineMinutes = List.of(NOW.minusSeconds(540), NOW.minusSeconds(400), NOW.minusSeconds(300),
                NOW.minusSeconds(120), NOW.minusSeconds(10));
        RestartPolicy.GiveUp decision = assertInstanceOf(RestartPolicy.GiveUp.class,
                policy.afterDeath(fiveInNineMinutes, NOW));
        assertEquals("5 restarts within 10 min did not keep it running (NEWSROOM_RESTART_LIMIT, NEWSROOM_RESTART_WINDOW)",
                decision.why());
        assertInstanceOf(RestartPolicy.RestartAfter.class, policy.afterDeath(fiveInNineMinutes.subList(1, 5), NOW),
                "four restarts are within the limit");
    }

    @Test
    void restartsOlderThanTheWindowAreForgiven() {
        RestartPolicy policy = RestartPolicy.DEFAULT;
        List<Instant> longAgo = List.of(NOW.minusSeconds(3600), NOW.minusSeconds(3000), NOW.minusSeconds(2400),
                NOW.minusSeconds(1800), NOW.minusSeconds(1200), NOW.minusSeconds(601));
        assertEquals(new RestartPolicy.RestartAfter(Duration.ofSeconds(1)), policy.afterDeath(longAgo, NOW),
                "a service that dies now and then is restarted after the initial backoff every time");
        List<Instant> oneRecent = List.of(NOW.minusSeconds(3600), NOW.minusSeconds(599));
        assertEquals(new RestartPolicy.RestartAfter(Duration.ofSeconds(2)), policy.afterDeath(oneRecent, NOW));
    }

    @Test
    void aLimitOfZeroNeverRestarts() {
        RestartPolicy off = RestartPolicy.fromEnvironment(Map.of("NEWSROOM_RESTART_LIMIT", "0"));
        RestartPolicy.GiveUp decision = assertInstanceOf(RestartPolicy.GiveUp.class, off.afterDeath(List.of(), NOW));
        assertEquals("restarts are off (NEWSROOM_RESTART_LIMIT=0)", decision.why());
    }

    @Test
    void theDefaultsAreTheDocumentedOnesAndEachHasAVariable() {
        assertEquals(new RestartPolicy(Duration.ofSeconds(1), Duration.ofSeconds(30), 5, Duration.ofMinutes(10)),
                RestartPolicy.fromEnvironment(Map.of()));
        RestartPolicy chosen = RestartPolicy.fromEnvironment(Map.of(
                "NEWSROOM_RESTART_BACKOFF", "250ms",
                "NEWSROOM_RESTART_MAX_BACKOFF", "2m",
                "NEWSROOM_RESTART_LIMIT", "3",
                "NEWSROOM_RESTART_WINDOW", "1h"));
        assertEquals(new RestartPolicy(Duration.ofMillis(250), Duration.ofMinutes(2), 3, Duration.ofHours(1)), chosen);
        assertEquals(chosen, RestartPolicy.fromEnvironment(chosen.asEnvironment()),
                "what the supervisor's process is given reads back as the same policy");
        assertEquals(Duration.ofSeconds(45),
                RestartPolicy.fromEnvironment(Map.of("NEWSROOM_RESTART_WINDOW", "45")).window(), "a bare number is seconds");
    }

    @Test
    void aMalformedOrImpossibleSettingIsReportedWithItsVariable() {
        UserError notADuration = assertThrows(UserError.class,
                () -> RestartPolicy.fromEnvironment(Map.of("NEWSROOM_RESTART_WINDOW", "ten minutes")));
        assertEquals("NEWSROOM_RESTART_WINDOW: must be a duration such as 500ms, 30s, 10m or 1h, not \"ten minutes\"",
                notADuration.getMessage());
        UserError negative = assertThrows(UserError.class,
                () -> RestartPolicy.fromEnvironment(Map.of("NEWSROOM_RESTART_LIMIT", "-1")));
        assertTrue(negative.getMessage().startsWith("NEWSROOM_RESTART_LIMIT:"), negative.getMessage());
        UserError capBelowStart = assertThrows(UserError.class, () -> RestartPolicy.fromEnvironment(Map.of(
                "NEWSROOM_RESTART_BACKOFF", "10s", "NEWSROOM_RESTART_MAX_BACKOFF", "5s")));
        assertEquals("NEWSROOM_RESTART_MAX_BACKOFF: must be at least NEWSROOM_RESTART_BACKOFF (10 s), not 5 s",
                capBelowStart.getMessage());
        assertThrows(UserError.class, () -> RestartPolicy.fromEnvironment(Map.of("NEWSROOM_RESTART_BACKOFF", "0s")));
    }
}
