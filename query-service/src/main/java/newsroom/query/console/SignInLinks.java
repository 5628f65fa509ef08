package newsroom.query.console;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import newsroom.query.DurationSettings;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * One-time sign-in links ({@code /sign-in?token=...}), as {@code ConsoleService.CreateSignInLink}
 * hands them out. A token is signed ({@link SignedValues}, purpose "sign-in link") and carries the
 * hash of the key it signs in as, a random nonce and its expiry, so any replica that shares the
 * console key can check it without a table (query-service may not write PostgreSQL). "One
 * time" is kept in memory: a redeemed nonce is remembered by this process until the token
 * expires, so a second use on the same replica is refused; a second use on another replica
 * within the lifetime is not seen (docs/console.md, "Sign-in").
 */
@ApplicationScoped
public class SignInLinks {

    private static final String VERSION = "v1";
    /** Stands for "no key" when authentication is off. */
    static final String NO_KEY = "-";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A link's token and when it stops working. */
    public record Link(String token, Instant expireTime) {

        /** The path and query a browser opens. */
        public String path() {
            return "/sign-in?token=" + token;
        }
    }

    /** Why a token was refused, in words for the person holding it. */
    public enum Refusal {
        NOT_ISSUED("This sign-in link was not issued by this console, or was altered. Ask for a new one with"
                + " `newsroom console`, or sign in with an API key."),
        EXPIRED("This sign-in link has expired. Ask for a new one with `newsroom console`, or sign in with an"
                + " API key."),
        USED("This sign-in link has been used already: each link signs in once. Ask for a new one with"
                + " `newsroom console`, or sign in with an API key.");

        private final String message;

        Refusal(String message) {
            this.message = message;
        }

        public String message() {
            return message;
        }
    }

    /** A token's outcome: the key hash it signs in as ({@link #NO_KEY} with authentication off), or why not. */
    public record Redemption(Optional<String> keyHash, Optional<Refusal> refusal) {
    }

    private final SignedValues signer;
    private final Duration lifetime;
    private final Clock clock;
    /** Redeemed nonces and when their tokens expire; entries past that are dropped. */
    private final Map<String, Long> redeemed = new ConcurrentHashMap<>();

    @Inject
    SignInLinks(ConsoleKey key, @ConfigProperty(name = "newsroom.console.sign-in-link-lifetime",
            defaultValue = "5m") Duration lifetime) {
        this(key.signer("sign-in link"), lifetime, Clock.systemUTC());
    }

    SignInLinks(SignedValues signer, Duration lifetime, Clock clock) {
        DurationSettings.requirePositive("newsroom.console.sign-in-link-lifetime", lifetime);
        this.signer = signer;
        this.lifetime = lifetime;
        this.clock = clock;
    }

    /** A new link signing in as the key with this hash ({@link #NO_KEY} when authentication is off). */
    public Link issue(String keyHash) {
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        Instant expires = clock.instant().plus(lifetime);
        String payload = VERSION + ":" + keyHash + ":" + Base64.getUrlEncoder().withoutPadding().encodeToString(nonce)
                + ":" + expires.getEpochSecond();
        return new Link(signer.sign(payload), Instant.ofEpochSecond(expires.getEpochSecond()));
    }

    /** Redeems a token: its key hash the first time, before it expires; a refusal otherwise. */
    public Redemption redeem(String token) {
        Optional<String> payload = signer.verify(token);
        String[] parts = payload.map(text -> text.split(":", -1)).orElse(new String[0]);
        if (parts.length != 4 || !parts[0].equals(VERSION)) {
            return refused(Refusal.NOT_ISSUED);
        }
        long now = clock.instant().getEpochSecond();
        long expires = Long.parseLong(parts[3]);
        if (now >= expires) {
            return refused(Refusal.EXPIRED);
        }
        redeemed.values().removeIf(expiry -> expiry <= now);
        if (redeemed.putIfAbsent(parts[2], expires) != null) {
            return refused(Refusal.USED);
        }
        return new Redemption(Optional.of(parts[1]), Optional.empty());
    }

    private static Redemption refused(Refusal refusal) {
        return new Redemption(Optional.empty(), Optional.of(refusal));
    }
}
