package newsroom.query.paging;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import newsroom.query.InvalidArgumentException;

/**
 * The opaque page token: base64url of {@code v1:<offset>:<fingerprint>}.
 * Clients must not build or read tokens; the format may change.
 */
final class PageToken {

    private static final String VERSION = "v1";
    private static final String FIELD = "page_token";

    private PageToken() {
    }

    static String encode(int offset, QueryFingerprint query) {
        String plain = VERSION + ":" + offset + ":" + query.hex();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** The offset a token stands for, if it was issued for {@code query}. */
    static int decode(String token, QueryFingerprint query) {
        String[] parts = plainText(token).split(":", -1);
        if (parts.length != 3 || !parts[0].equals(VERSION)) {
            throw notIssuedHere();
        }
        int offset;
        try {
            offset = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw notIssuedHere();
        }
        if (offset < 0) {
            throw notIssuedHere();
        }
        if (!parts[2].equals(query.hex())) {
            throw new InvalidArgumentException(FIELD,
                    "was issued for a different query; repeat the original filters or start without a token");
        }
        return offset;
    }

    private static String plainText(String token) {
        try {
            return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw notIssuedHere();
        }
    }

    private static InvalidArgumentException notIssuedHere() {
        return new InvalidArgumentException(FIELD,
                "is not a token this service issued; pass a previous response's next_page_token or none");
    }
}
