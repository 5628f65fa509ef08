package newsroom.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * An API key: a random secret a client sends as {@code authorization: Bearer <key>}.
 * Services keep only its SHA-256 ({@link #hash}), so a leaked key file lets no one in;
 * 256 random bits need no salt.
 */
public final class ApiKey {

    /** Marks Newsroom keys, so a key pasted in the wrong place is recognisable. */
    public static final String PREFIX = "nrk_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKey() {
    }

    /** A new key: {@code nrk_} and 32 random bytes, base64url. */
    public static String generate() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    /** Lower-case hex SHA-256 of the key's UTF-8 bytes: what a key file stores. */
    public static String hash(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
