package newsroom.query.paging;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A short digest of a list request's method and filters (everything but the
 * paging fields), carried in page tokens so a token from one query is not
 * silently applied to another.
 *
 * @param hex the first 16 hex digits of the SHA-256 of method and filters
 */
public record QueryFingerprint(String hex) {

    /** The fingerprint of {@code method} with the given filter values, in a fixed order. */
    public static QueryFingerprint of(String method, Object... filters) {
        StringBuilder canonical = new StringBuilder(method);
        for (Object filter : filters) {
            // Length-prefixed, so ("ab", "c") and ("a", "bc") differ whatever the texts hold.
            String value = String.valueOf(filter);
            canonical.append('|').append(value.length()).append(':').append(value);
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return new QueryFingerprint(HexFormat.of().formatHex(digest, 0, 8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
