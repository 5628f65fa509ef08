package newsroom.query.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import newsroom.auth.Caller;
import newsroom.auth.Role;
import org.junit.jupiter.api.Test;

/** Sign-in links and sessions against a clock the test turns: expiry, idle time, revocation, signatures. */
class SignedSessionsTest {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes();
    private static final String HASH = "ab".repeat(32);
    private static final Caller READER = new Caller("reader", Set.of(Role.READER));

    /** A clock that stands still until the test moves it. */
    private static final class TestClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final TestClock clock = new TestClock();
    private final Set<String> revoked = new HashSet<>();

    private SignInLinks links() {
        return new SignInLinks(new SignedValues(KEY, "sign-in link"), Duration.ofMinutes(5), clock);
    }

    private Sessions sessions() {
        return new Sessions(new SignedValues(KEY, "session"), new SignedValues(KEY, "form token"),
                Duration.ofMinutes(30), clock, hash -> revoked.contains(hash) ? Optional.empty() : Optional.of(READER));
    }

    @Test
    void aLinkWorksOnceBeforeItExpires() {
        SignInLinks links = links();
        SignInLinks.Link link = links.issue(HASH);
        assertEquals(clock.now.plus(Duration.ofMinutes(5)), link.expireTime());
        clock.now = clock.now.plus(Duration.ofMinutes(4));
        assertEquals(Optional.of(HASH), links.redeem(link.token()).keyHash());
        assertEquals(Optional.of(SignInLinks.Refusal.USED), links.redeem(link.token()).refusal());
    }

    @Test
    void anExpiredLinkIsRefused() {
        SignInLinks links = links();
        SignInLinks.Link link = links.issue(HASH);
        clock.now = clock.now.plus(Duration.ofMinutes(5));
        assertEquals(Optional.of(SignInLinks.Refusal.EXPIRED), links.redeem(link.token()).refusal());
    }

    @Test
    void aLinkSignedWithAnotherKeyOrForAnotherPurposeIsRefused() {
        SignInLinks.Link foreign = new SignInLinks(new SignedValues("another key of at least 32 characters".getBytes(),
                "sign-in link"), Duration.ofMinutes(5), clock).issue(HASH);
        assertEquals(Optional.of(SignInLinks.Refusal.NOT_ISSUED), links().redeem(foreign.token()).refusal());
        String session = sessions().open(HASH);
        assertEquals(Optional.of(SignInLinks.Refusal.NOT_ISSUED), links().redeem(session).refusal());
        assertTrue(sessions().resume(links().issue(HASH).token()).isEmpty(), "a link is not a session");
    }

    @Test
    void aSessionEndsAfterTheIdleTimeUnlessUsed() {
        Sessions sessions = sessions();
        String value = sessions.open(HASH);
        clock.now = clock.now.plus(Duration.ofMinutes(29));
        Sessions.Session session = sessions.resume(value).orElseThrow();
        assertEquals(READER, session.caller());
        String refreshed = sessions.refreshed(session);
        clock.now = clock.now.plus(Duration.ofMinutes(29));
        assertTrue(sessions.resume(refreshed).isPresent(), "each request starts the idle time again");
        assertTrue(sessions.resume(value).isEmpty(), "the first value is idle for 58 minutes");
        clock.now = clock.now.plus(Duration.ofMinutes(2));
        assertTrue(sessions.resume(refreshed).isEmpty(), "idle for 31 minutes");
    }

    @Test
    void aSessionEndsWhenItsKeyIsRevokedOrItSignsOut() {
        Sessions sessions = sessions();
        String value = sessions.open(HASH);
        Sessions.Session session = sessions.resume(value).orElseThrow();
        revoked.add(HASH);
        assertTrue(sessions.resume(value).isEmpty());
        assertEquals(Optional.empty(), sessions.callerOfSession(value));
        revoked.clear();
        sessions.signOut(session);
        assertTrue(sessions.resume(value).isEmpty());
        assertTrue(sessions.resume(sessions.open(HASH)).isPresent(), "a new session is another id");
    }

    @Test
    void anAlteredSessionIsRefusedAndFormTokensDifferPerSession() {
        Sessions sessions = sessions();
        String value = sessions.open(HASH);
        String altered = value.substring(0, 3) + (value.charAt(3) == 'A' ? 'B' : 'A') + value.substring(4);
        assertTrue(sessions.resume(altered).isEmpty());
        Sessions.Session one = sessions.resume(value).orElseThrow();
        Sessions.Session two = sessions.resume(sessions.open(HASH)).orElseThrow();
        assertNotEquals(sessions.formToken(one), sessions.formToken(two));
        assertFalse(Sessions.sameToken(sessions.formToken(one), sessions.formToken(two)));
        assertFalse(Sessions.sameToken(sessions.formToken(one), null));
        assertNotEquals(sessions.signInFormToken("n1"), sessions.signInFormToken("n2"));
        assertFalse(value.contains(HASH), "the payload is base64url, signed; it holds the key's hash, never the key");
    }
}
