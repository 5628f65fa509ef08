package newsroom.ingest.sources;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * ListSources' page tokens: opaque to clients, versioned for us. A token holds the last id of
 * the page it follows ({@code v1:<id>}, base64url): sources are listed by id, so the next page
 * starts after it whatever was added or deleted meanwhile. Tokens carry nothing secret, so they
 * need no signature; one that does not decode is refused.
 */
final class SourcePageToken {

    private static final String VERSION = "v1:";

    private SourcePageToken() {
    }

    static String after(long lastId) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((VERSION + lastId).getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * The last id of the previous page; 0 for an empty token (the first page).
     *
     * @throws InvalidSourceRequestException naming {@code page_token} for anything this class did not write
     */
    static long lastId(String token) {
        if (token.isEmpty()) {
            return 0;
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.US_ASCII);
            if (decoded.startsWith(VERSION)) {
                long id = Long.parseLong(decoded.substring(VERSION.length()));
                if (id > 0) {
                    return id;
                }
            }
        } catch (IllegalArgumentException e) {
            // Not base64, or not a number (NumberFormatException): refused below.
        }
        throw new InvalidSourceRequestException("page_token",
                "is not a token ListSources returned; start from the first page with an empty page_token");
    }
}
