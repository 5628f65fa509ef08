package newsroom.query.console;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import newsroom.query.HmacSha256;

/**
 * Values signed with HMAC-SHA256 for one purpose (sign-in links, session cookies, form
 * tokens): {@code base64url(payload) "." base64url(mac)}. Each purpose signs with its own key,
 * derived from the console key and the purpose's label, so a value signed for one purpose is
 * never accepted for another.
 */
final class SignedValues {

    private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();

    private final HmacSha256 key;

    SignedValues(byte[] consoleKey, String purpose) {
        this.key = new HmacSha256(new HmacSha256(consoleKey)
                .mac(("newsroom console " + purpose).getBytes(StandardCharsets.UTF_8)));
    }

    /** {@code payload}, signed. */
    String sign(String payload) {
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        return BASE64.encodeToString(bytes) + "." + BASE64.encodeToString(key.mac(bytes));
    }

    /** The payload of a value this purpose signed; empty when it was not signed here or was altered. */
    Optional<String> verify(String signed) {
        int dot = signed.indexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        try {
            byte[] payload = Base64.getUrlDecoder().decode(signed.substring(0, dot));
            byte[] signature = Base64.getUrlDecoder().decode(signed.substring(dot + 1));
            if (!MessageDigest.isEqual(key.mac(payload), signature)) {
                return Optional.empty();
            }
            return Optional.of(new String(payload, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** A signature of {@code value} alone, for tokens that are compared, not read (form tokens). */
    String signature(String value) {
        return BASE64.encodeToString(key.mac(value.getBytes(StandardCharsets.UTF_8)));
    }
}
