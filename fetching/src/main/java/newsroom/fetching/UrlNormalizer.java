package newsroom.fetching;

import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One spelling for each address, so that the same page reached by two links is fetched once:
 * scheme and host lower case, the scheme's default port dropped, an empty path as "/", dot
 * segments resolved, the fragment dropped, and tracking parameters ({@link #TRACKING_PARAMETERS})
 * removed; the other parameters keep their order. Characters a URI may not hold (spaces, non-ASCII
 * letters) are percent-encoded as UTF-8; existing percent-encoding is kept as written.
 */
public final class UrlNormalizer {

    /**
     * Query parameters that say how a reader arrived, not which page they read: dropped, so that
     * a page shared with them is the page without them. Matched case-insensitively, plus every
     * parameter starting with {@code utm_}. Sources: the campaign parameters of Google Analytics
     * (utm_*, _ga, _gl, gclid, gclsrc, dclid, gbraid, wbraid), Microsoft (msclkid), Meta (fbclid,
     * igshid), Mailchimp (mc_cid, mc_eid), HubSpot (_hsenc, _hsmi), Marketo (mkt_tok), Yandex
     * (yclid), Twitter/X (twclid, ref_src, ref_url), TikTok (ttclid), LinkedIn (li_fat_id), Olytics
     * (oly_anon_id, oly_enc_id), Vero (vero_id, vero_conv), Adobe (s_cid).
     */
    public static final Set<String> TRACKING_PARAMETERS = Set.of("fbclid", "gclid", "gclsrc", "dclid", "gbraid",
            "wbraid", "msclkid", "mc_cid", "mc_eid", "_ga", "_gl", "igshid", "yclid", "twclid", "ttclid", "ref_src",
            "ref_url", "li_fat_id", "_hsenc", "_hsmi", "mkt_tok", "oly_anon_id", "oly_enc_id", "vero_id", "vero_conv",
            "s_cid");

    /** scheme://, userinfo@, host, and the rest (port, path, query, fragment). */
    private static final Pattern AUTHORITY = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*://)([^/?#@]*@)?([^/?#:]*)(.*)$",
            Pattern.DOTALL);

    private UrlNormalizer() {
    }

    /**
     * @throws IllegalArgumentException for a string that is not an absolute http(s) URL, saying why
     */
    public static String normalize(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("the URL is empty; give an absolute http(s) URL such as https://example.com/feed.xml");
        }
        URI uri;
        try {
            uri = new URI(escapeIllegal(asciiHost(url)));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(url + " is not a URL (" + e.getReason() + " at index " + e.getIndex() + ")");
        }
        return normalize(uri, url);
    }

    /** {@code link} resolved against {@code base} and normalised; null when it is not an http(s) link. */
    public static String resolve(URI base, String link) {
        if (link == null || link.isBlank()) {
            return null;
        }
        try {
            URI resolved = base.resolve(new URI(escapeIllegal(asciiHost(link))));
            return normalize(resolved, link);
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }

    private static String normalize(URI uri, String asWritten) {
        if (uri.getScheme() == null) {
            throw new IllegalArgumentException(asWritten + " is not an absolute URL: it needs a scheme and host, such as https://example.com/");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException(asWritten + " is not an http or https URL (its scheme is " + scheme + ")");
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException(asWritten + " has no host name; give an absolute URL such as https://example.com/feed.xml");
        }
        uri = uri.normalize();
        StringBuilder out = new StringBuilder(scheme).append("://");
        if (uri.getRawUserInfo() != null) {
            out.append(uri.getRawUserInfo()).append('@');
        }
        out.append(uri.getHost().toLowerCase(Locale.ROOT));
        int port = uri.getPort();
        if (port != -1 && !(scheme.equals("http") && port == 80) && !(scheme.equals("https") && port == 443)) {
            out.append(':').append(port);
        }
        String path = uri.getRawPath();
        out.append(path == null || path.isEmpty() ? "/" : path);
        String query = withoutTracking(uri.getRawQuery());
        if (query != null) {
            out.append('?').append(query);
        }
        return out.toString();
    }

    private static String withoutTracking(String rawQuery) {
        if (rawQuery == null) {
            return null;
        }
        List<String> kept = new ArrayList<>();
        for (String parameter : rawQuery.split("&")) {
            if (parameter.isEmpty()) {
                continue;
            }
            int equals = parameter.indexOf('=');
            String name = (equals < 0 ? parameter : parameter.substring(0, equals)).toLowerCase(Locale.ROOT);
            if (!name.startsWith("utm_") && !TRACKING_PARAMETERS.contains(name)) {
                kept.add(parameter);
            }
        }
        return kept.isEmpty() ? null : String.join("&", kept);
    }

    /**
     * The string without the tabs and line breaks that feeds wrap long links with (browsers drop
     * them too), and with an internationalised host name in its ASCII (punycode) form.
     */
    private static String asciiHost(String url) {
        String flat = url.strip().replaceAll("[\\t\\n\\r]", "");
        Matcher parts = AUTHORITY.matcher(flat);
        if (!parts.matches() || parts.group(3).chars().allMatch(c -> c < 0x80)) {
            return flat;
        }
        try {
            return parts.group(1) + (parts.group(2) == null ? "" : parts.group(2)) + IDN.toASCII(parts.group(3), IDN.ALLOW_UNASSIGNED) + parts.group(4);
        } catch (IllegalArgumentException e) {
            return flat;
        }
    }

    /** Percent-encodes what RFC 3986 does not allow anywhere (as browsers do when following such a link). */
    private static String escapeIllegal(String url) {
        StringBuilder out = null;
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            boolean legal = c > 0x20 && c < 0x7f && "\"<>\\^`{|}".indexOf(c) < 0;
            if (legal) {
                if (out != null) {
                    out.append(c);
                }
                continue;
            }
            if (out == null) {
                out = new StringBuilder(url.substring(0, i));
            }
            int end = Character.isHighSurrogate(c) && i + 1 < url.length() ? i + 2 : i + 1;
            for (byte b : url.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
            i = end - 1;
        }
        return out == null ? url : out.toString();
    }
}
