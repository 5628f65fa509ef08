package newsroom.fetching;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a response's declared charset. */
final class Charsets {

    /** How far into a body a {@code <meta charset>} or XML declaration is looked for (HTML's prescan reads 1024 bytes). */
    private static final int PRESCAN_BYTES = 1024;
    private static final Pattern CONTENT_TYPE_CHARSET = Pattern.compile("(?i);\\s*charset\\s*=\\s*\"?([^\";\\s]+)");
    private static final Pattern XML_ENCODING = Pattern.compile("^\\s*<\\?xml[^>]*?encoding\\s*=\\s*[\"']([^\"']+)[\"']");
    private static final Pattern META_CHARSET = Pattern.compile("(?i)<meta[^>]+charset\\s*=\\s*[\"']?([A-Za-z0-9._:-]+)");
    private static final Pattern HTML_START = Pattern.compile("(?i)^\\s*(<!--.*?-->\\s*)*<(!doctype\\s+html|html)[\\s>]",
            Pattern.DOTALL);

    private Charsets() {
    }

    static String decode(byte[] body, String contentType) {
        int bomLength = 0;
        Charset bomCharset = null;
        if (startsWith(body, 0xef, 0xbb, 0xbf)) {
            bomCharset = StandardCharsets.UTF_8;
            bomLength = 3;
        } else if (startsWith(body, 0xfe, 0xff)) {
            bomCharset = StandardCharsets.UTF_16BE;
            bomLength = 2;
        } else if (startsWith(body, 0xff, 0xfe)) {
            bomCharset = StandardCharsets.UTF_16LE;
            bomLength = 2;
        }
        Charset declared = contentType == null ? null : charsetNamed(find(CONTENT_TYPE_CHARSET, contentType));
        Charset charset;
        if (declared != null) {
            charset = declared;
            if (bomCharset == null || !bomCharset.equals(declared)) {
                bomLength = 0;
            }
        } else if (bomCharset != null) {
            charset = bomCharset;
        } else {
            String head = new String(body, 0, Math.min(body.length, PRESCAN_BYTES), StandardCharsets.ISO_8859_1);
            String label = find(XML_ENCODING, head);
            if (label == null) {
                label = find(META_CHARSET, head);
            }
            Charset inDocument = charsetNamed(label);
            charset = inDocument == null ? StandardCharsets.UTF_8 : inDocument;
        }
        return new String(body, bomLength, body.length - bomLength, charset);
    }

    static boolean isHtml(byte[] body, String contentType) {
        if (contentType != null && !contentType.isBlank()) {
            String type = mediaType(contentType);
            return type.equals("text/html") || type.equals("application/xhtml+xml");
        }
        String head = new String(body, 0, Math.min(body.length, PRESCAN_BYTES), StandardCharsets.ISO_8859_1);
        if (head.startsWith("\u00ef\u00bb\u00bf")) {
            head = head.substring(3);
        }
        return HTML_START.matcher(head).find();
    }

    /** The media type of a Content-Type header, lower case, without parameters ("text/html"). */
    static String mediaType(String contentType) {
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }

    /**
     * The charset a label names, null when none or unknown. Like browsers, reads ISO-8859-1 and
     * US-ASCII as windows-1252: pages that declare them use its curly quotes and dashes.
     */
    private static Charset charsetNamed(String label) {
        if (label == null) {
            return null;
        }
        try {
            Charset charset = Charset.forName(label.strip());
            if (charset.equals(StandardCharsets.ISO_8859_1) || charset.equals(StandardCharsets.US_ASCII)) {
                return Charset.forName("windows-1252");
            }
            return charset;
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return null;
        }
    }

    private static String find(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? matcher.group(1) : null;
    }

    private static boolean startsWith(byte[] body, int... prefix) {
        if (body.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((body[i] & 0xff) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
