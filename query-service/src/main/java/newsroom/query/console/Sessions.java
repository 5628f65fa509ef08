package newsroom.query.console;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import newsroom.auth.Caller;
import newsroom.auth.GrpcAccessControl;
import newsroom.query.DurationSettings;
import newsroom.query.http.SessionCallers;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Console sessions, held by the browser in the {@value SessionCallers#COOKIE} cookie: query-service
 * reads PostgreSQL as a read-only role, so a session is a signed value ({@link SignedValues},
 * purpose "session") rather than a row. It carries the SHA-256 hash of the API key it is bound
 * to (never the key), a random session id, and the time of its last request; every request
 * answers with the value re-signed under the new time, so a session ends after
 * {@code newsroom.console.session-idle-timeout} without a request. It also ends when its key is
 * revoked (the key file no longer lists the hash) or when the browser signs out (the id is
 * remembered as signed out by this process until the session would have gone idle anyway).
 */
@ApplicationScoped
public class Sessions implements SessionCallers {

    private static final String VERSION = "v1";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A live session: its key's hash, its id, and the caller that key is now. */
    public record Session(String keyHash, String id, Caller caller) {
    }

    private final SignedValues cookies;
    private final SignedValues formTokens;
    private final Duration idleTimeout;
    private final Clock clock;
    /** The caller of a key hash, empty once the key is revoked: the key file's answer. */
    private final Function<String, Optional<Caller>> callers;
    /** Sessions signed out, by id, with the epoch second after which they would be idle anyway. */
    private final Map<String, Long> signedOut = new ConcurrentHashMap<>();

    @Inject
    Sessions(ConsoleKey key, GrpcAccessControl access,
             @ConfigProperty(name = "newsroom.console.session-idle-timeout", defaultValue = "30m")
             Duration idleTimeout) {
        this(key.signer("session"), key.signer("form token"), idleTimeout, Clock.systemUTC(),
                access::callerOfKeyHash);
    }

    Sessions(SignedValues cookies, SignedValues formTokens, Duration idleTimeout, Clock clock,
             Function<String, Optional<Caller>> callers) {
        DurationSettings.requirePositive("newsroom.console.session-idle-timeout", idleTimeout);
        this.cookies = cookies;
        this.formTokens = formTokens;
        this.idleTimeout = idleTimeout;
        this.clock = clock;
        this.callers = callers;
    }

    /** How long a session lives without a request. */
    public Duration idleTimeout() {
        return idleTimeout;
    }

    /** The cookie value of a new session bound to the key with this hash. */
    public String open(String keyHash) {
        byte[] id = new byte[16];
        RANDOM.nextBytes(id);
        return value(keyHash, Base64.getUrlEncoder().withoutPadding().encodeToString(id));
    }

    /** The session a cookie value holds, if it is signed here, not idle past the timeout, not signed out and its key still listed. */
    public Optional<Session> resume(String cookieValue) {
        String[] parts = cookies.verify(cookieValue).map(text -> text.split(":", -1)).orElse(new String[0]);
        if (parts.length != 4 || !parts[0].equals(VERSION)) {
            return Optional.empty();
        }
        long lastSeen = Long.parseLong(parts[3]);
        if (clock.instant().getEpochSecond() - lastSeen > idleTimeout.toSeconds() || signedOut.containsKey(parts[2])) {
            return Optional.empty();
        }
        String keyHash = parts[1];
        return callers.apply(keyHash).map(caller -> new Session(keyHash, parts[2], caller));
    }

    /** The session's cookie value as of now: what each answer sets, so the idle time starts again. */
    public String refreshed(Session session) {
        return value(session.keyHash(), session.id());
    }

    /** Ends a session on this replica: its cookie is refused until it would have gone idle. */
    public void signOut(Session session) {
        long now = clock.instant().getEpochSecond();
        signedOut.values().removeIf(until -> until < now);
        signedOut.put(session.id(), now + idleTimeout.toSeconds());
    }

    /** The token the session's forms carry (sign-out): a cross-site form cannot know it. */
    public String formToken(Session session) {
        return formTokens.signature("session:" + session.id());
    }

    /** The token the sign-in form carries, for the browser holding the sign-in cookie {@code nonce}. */
    public String signInFormToken(String nonce) {
        return formTokens.signature("sign-in:" + nonce);
    }

    /** Whether {@code presented} is {@code expected}, compared in constant time. */
    public static boolean sameToken(String expected, String presented) {
        return presented != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                presented.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public Optional<Caller> callerOfSession(String cookieValue) {
        return resume(cookieValue).map(Session::caller);
    }

    private String value(String keyHash, String id) {
        return cookies.sign(VERSION + ":" + keyHash + ":" + id + ":" + clock.instant().getEpochSecond());
    }
}
