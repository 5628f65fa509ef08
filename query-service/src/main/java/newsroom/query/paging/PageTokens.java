package newsroom.query.paging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.stream.Collectors;
import newsroom.query.DurationSettings;
import newsroom.query.HmacSha256;
import newsroom.query.InvalidArgumentException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Issues and checks page tokens, the one place that does (AIP-158: opaque to clients).
 *
 * <p>A token is {@code base64url(<version>:<position>:<issued epoch second>:<query fingerprint>)},
 * a dot, and the base64url HMAC-SHA256 of those bytes under the service's page-token key.
 * The position is an offset ({@code v2}, {@link PageRequest}) or, for lists that page by
 * key, the last item's sort key as comma-separated numbers ({@code v3}, {@link KeysetPageRequest}).
 * Signed, because an unsigned token would let a client write any offset it liked and make
 * PostgreSQL read and drop that many rows: only positions this service handed out come back,
 * and only:
 * <ul>
 *   <li>for the query that issued them (the fingerprint);</li>
 *   <li>within {@code maxAge} of being issued, as the list under them changes;</li>
 *   <li>offsets below {@code maxOffset}: deeper pages cost a scan of everything before them,
 *       and a client that needs them should narrow its query instead. Keys have no such cap:
 *       the page after a key is an index seek at any depth.</li>
 * </ul>
 * Every refusal is INVALID_ARGUMENT on {@code page_token}, telling the client to restart
 * from the first page (or to narrow the query).
 */
@ApplicationScoped
public class PageTokens {

    private static final Logger LOG = Logger.getLogger(PageTokens.class);
    private static final String OFFSET_VERSION = "v2";
    private static final String KEY_VERSION = "v3";
    private static final String FIELD = "page_token";
    /** Shortest key accepted: 256 bits as base64 text. */
    static final int MIN_KEY_CHARACTERS = 32;
    /** How far a token's issue time may lie in the future: the clock difference between replicas. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(1);

    private final HmacSha256 key;
    private final Duration maxAge;
    private final int maxOffset;
    private final Clock clock;

    @Inject
    PageTokens(@ConfigProperty(name = "newsroom.query.page-token-key-file") Optional<String> keyFile,
               @ConfigProperty(name = "newsroom.query.page-token-max-age") Duration maxAge,
               @ConfigProperty(name = "newsroom.query.max-page-offset") int maxOffset) {
        this(readKey(keyFile.filter(path -> !path.isBlank()).map(Path::of)), maxAge, maxOffset, Clock.systemUTC());
    }

    PageTokens(byte[] key, Duration maxAge, int maxOffset, Clock clock) {
        DurationSettings.requirePositive("newsroom.query.page-token-max-age", maxAge);
        if (maxOffset < 1) {
            throw new IllegalArgumentException("newsroom.query.max-page-offset must be at least 1, not " + maxOffset);
        }
        this.key = new HmacSha256(key);
        this.maxAge = maxAge;
        this.maxOffset = maxOffset;
        this.clock = clock;
    }

    /**
     * Reads {@code page_size} and {@code page_token} for a list of at most {@link PageRequest#MAX_SIZE}
     * items a page: 0 means the default size, sizes above the maximum are lowered to it,
     * negative sizes and tokens this service did not issue for {@code query} are rejected.
     */
    public PageRequest request(int pageSize, String pageToken, QueryFingerprint query) {
        return request(pageSize, pageToken, query, PageRequest.DEFAULT_SIZE, PageRequest.MAX_SIZE);
    }

    /** As {@link #request(int, String, QueryFingerprint)}, for a list with its own default and maximum size. */
    public PageRequest request(int pageSize, String pageToken, QueryFingerprint query, int defaultSize,
                               int maxSize) {
        if (pageSize < 0) {
            throw new InvalidArgumentException("page_size", "must not be negative, was " + pageSize);
        }
        int size = pageSize == 0 ? defaultSize : Math.min(pageSize, maxSize);
        int offset = pageToken.isEmpty() ? 0 : decode(pageToken, query);
        return new PageRequest(offset, size, query, this);
    }

    /** The deepest offset a token may carry: lists page through their first this many items. */
    public int maxOffset() {
        return maxOffset;
    }

    String encode(int offset, QueryFingerprint query) {
        return encode(OFFSET_VERSION, Integer.toString(offset), query);
    }

    String encode(SortKey after, QueryFingerprint query) {
        return encode(KEY_VERSION, after.values().stream().map(String::valueOf)
                .collect(Collectors.joining(",")), query);
    }

    private String encode(String version, String position, QueryFingerprint query) {
        byte[] payload = (version + ":" + position + ":" + clock.instant().getEpochSecond() + ":" + query.hex())
                .getBytes(StandardCharsets.UTF_8);
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        return base64.encodeToString(payload) + "." + base64.encodeToString(key.mac(payload));
    }

    /**
     * Reads {@code page_size} and {@code page_token} for a list that pages by key, as
     * {@link #request(int, String, QueryFingerprint)} does for one that pages by offset.
     */
    public KeysetPageRequest keysetRequest(int pageSize, String pageToken, QueryFingerprint query) {
        if (pageSize < 0) {
            throw new InvalidArgumentException("page_size", "must not be negative, was " + pageSize);
        }
        int size = pageSize == 0 ? PageRequest.DEFAULT_SIZE : Math.min(pageSize, PageRequest.MAX_SIZE);
        Optional<SortKey> after = pageToken.isEmpty() ? Optional.empty() : Optional.of(decodeKey(pageToken, query));
        return new KeysetPageRequest(after, size, query, this);
    }

    /** The offset a token stands for, if this service issued it for {@code query}, recently, within the cap. */
    int decode(String token, QueryFingerprint query) {
        int offset = Integer.parseInt(position(token, OFFSET_VERSION, query));
        if (offset >= maxOffset) {
            throw new InvalidArgumentException(FIELD, "would start at item " + (offset + 1) + ", past the first "
                    + maxOffset + " items a list pages through (newsroom.query.max-page-offset); narrow the query"
                    + " (a shorter time range or more filters) to reach the rest");
        }
        return offset;
    }

    /** The sort key a token stands for, if this service issued it for {@code query}, recently. */
    SortKey decodeKey(String token, QueryFingerprint query) {
        return new SortKey(Arrays.stream(position(token, KEY_VERSION, query).split(","))
                .map(Long::valueOf).toList());
    }

    // The position part of a token this service signed for query, not expired, of the given version.
    private String position(String token, String version, QueryFingerprint query) {
        int dot = token.indexOf('.');
        if (dot < 0) {
            throw notIssuedHere();
        }
        byte[] payload;
        byte[] signature;
        try {
            payload = Base64.getUrlDecoder().decode(token.substring(0, dot));
            signature = Base64.getUrlDecoder().decode(token.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            throw notIssuedHere();
        }
        if (!MessageDigest.isEqual(key.mac(payload), signature)) {
            throw notIssuedHere();
        }
        // Signed by this service, so well formed.
        String[] parts = new String(payload, StandardCharsets.UTF_8).split(":", -1);
        if (parts.length != 4 || !(parts[0].equals(OFFSET_VERSION) || parts[0].equals(KEY_VERSION))) {
            throw notIssuedHere();
        }
        long issued = Long.parseLong(parts[2]);
        if (!parts[3].equals(query.hex())) {
            throw new InvalidArgumentException(FIELD, "was issued for a different query; repeat the original"
                    + " filters, or restart from the first page without a page_token");
        }
        long now = clock.instant().getEpochSecond();
        if (now - issued > maxAge.toSeconds() || issued - now > CLOCK_SKEW.toSeconds()) {
            throw new InvalidArgumentException(FIELD, "has expired: page tokens are valid for " + maxAge.toMinutes()
                    + " minutes (newsroom.query.page-token-max-age), as the list under them changes; restart from"
                    + " the first page without a page_token");
        }
        if (!parts[0].equals(version)) {
            // The same query's token of the other kind: issued before this list changed how it pages.
            throw new InvalidArgumentException(FIELD, "was issued by an earlier version of this service, which paged"
                    + " this list differently; restart from the first page without a page_token");
        }
        return parts[1];
    }

    private static InvalidArgumentException notIssuedHere() {
        return new InvalidArgumentException(FIELD, "is not a token this service issued, or was altered; pass a"
                + " previous response's next_page_token unchanged, or restart from the first page without one");
    }

    // The key file holds one line of at least 32 characters (`newsroom up` writes 32 random bytes
    // as base64). Without a file the key is random for this process: tokens then fail after a
    // restart or on another replica, which is why a deployment sets the file.
    private static byte[] readKey(Optional<Path> keyFile) {
        if (keyFile.isEmpty()) {
            LOG.warn("no newsroom.query.page-token-key-file (NEWSROOM_QUERY_PAGE_TOKEN_KEY_FILE): page tokens are"
                    + " signed with a random key of this process, so they fail after a restart and across replicas");
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            return random;
        }
        String key;
        try {
            key = Files.readString(keyFile.get()).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the page-token key file " + keyFile.get()
                    + " (newsroom.query.page-token-key-file)", e);
        }
        if (key.length() < MIN_KEY_CHARACTERS || key.contains("\n")) {
            throw new IllegalStateException("the page-token key file " + keyFile.get() + " must hold one line of at"
                    + " least " + MIN_KEY_CHARACTERS + " characters (newsroom.query.page-token-key-file)");
        }
        return key.getBytes(StandardCharsets.UTF_8);
    }
}
