package newsroom.cleaning;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Reads a page's own description of itself: Open Graph and article meta tags,
 * schema.org JSON-LD ({@code NewsArticle} and kin), microdata, {@code <time>},
 * {@code <link rel=canonical>} and {@code <html lang>}. The first source that
 * gives a usable value wins, in the order the publishers' own tools trust them.
 */
final class HtmlMetadata {

    // JSON-LD is read with patterns rather than a JSON parser: only a few string
    // fields are wanted, and a page's broken JSON must not cost the whole page.
    private static final Pattern LD_HEADLINE = jsonString("headline");
    private static final Pattern LD_DATE_PUBLISHED = jsonString("datePublished");
    private static final Pattern LD_AUTHOR_NAME = Pattern.compile(
            "\"author\"\\s*:\\s*\\[?\\s*\\{[^}]{0,1000}?\"name\"\\s*:\\s*\"");
    private static final Pattern LD_AUTHOR_STRING = jsonString("author");
    private static final int MAX_FIELD_CHARS = 1000;

    private HtmlMetadata() {
    }

    static PageMetadata of(Document page) {
        List<String> jsonLd = new ArrayList<>();
        for (Element script : page.select("script[type=application/ld+json]")) {
            jsonLd.add(script.data());
        }
        return new PageMetadata(title(page, jsonLd), author(page, jsonLd), publishedTime(page, jsonLd),
                canonicalUrl(page), language(page));
    }

    private static String title(Document page, List<String> jsonLd) {
        return first(meta(page, "meta[property=og:title]"),
                jsonLdValue(jsonLd, LD_HEADLINE),
                meta(page, "meta[name=twitter:title]"),
                text(page.selectFirst("h1")),
                page.title());
    }

    private static String author(Document page, List<String> jsonLd) {
        String articleAuthor = meta(page, "meta[property=article:author]");
        if (articleAuthor != null && articleAuthor.matches("(?i)https?://.*")) {
            articleAuthor = null; // a profile page's address, not a name
        }
        return first(meta(page, "meta[name=author]"),
                jsonLdValue(jsonLd, LD_AUTHOR_NAME),
                jsonLdValue(jsonLd, LD_AUTHOR_STRING),
                articleAuthor,
                text(page.selectFirst("[itemprop=author] [itemprop=name]")),
                text(page.selectFirst("[itemprop=author]")),
                text(page.selectFirst("[rel=author]")));
    }

    private static Instant publishedTime(Document page, List<String> jsonLd) {
        List<String> candidates = new ArrayList<>();
        candidates.add(meta(page, "meta[property=article:published_time]"));
        candidates.add(jsonLdValue(jsonLd, LD_DATE_PUBLISHED));
        candidates.add(attribute(page.selectFirst("[itemprop=datePublished]"), "content", "datetime"));
        for (String name : List.of("pubdate", "publishdate", "date", "dc.date", "dc.date.issued",
                "sailthru.date", "parsely-pub-date")) {
            candidates.add(meta(page, "meta[name=" + name + "]"));
        }
        candidates.add(attribute(page.selectFirst("time[datetime]"), "datetime"));
        for (String candidate : candidates) {
            Instant time = parseTime(candidate);
            if (time != null) {
                return time;
            }
        }
        return null;
    }

    private static String canonicalUrl(Document page) {
        for (String url : new String[] {attribute(page.selectFirst("link[rel=canonical]"), "href"),
                meta(page, "meta[property=og:url]")}) {
            if (url != null && isAbsoluteHttpUrl(url)) {
                return url;
            }
        }
        return null;
    }

    private static String language(Document page) {
        String lang = first(attribute(page.selectFirst("html[lang]"), "lang"),
                meta(page, "meta[http-equiv=content-language]"),
                meta(page, "meta[property=og:locale]"));
        return lang == null ? null : lang.replace('_', '-');
    }

    /** An ISO-8601 time, with or without offset (UTC assumed), or a date alone; null otherwise. */
    static Instant parseTime(String value) {
        if (value == null) {
            return null;
        }
        String text = value.strip();
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException ignored) {
            // try the next form
        }
        try {
            // "+0000" offsets without a colon, common in meta tags.
            return OffsetDateTime.parse(text, DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss[.SSS]Z")).toInstant();
        } catch (DateTimeParseException ignored) {
            // try the next form
        }
        try {
            return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException ignored) {
            // try the next form
        }
        try {
            return LocalDate.parse(text.length() >= 10 ? text.substring(0, 10) : text)
                    .atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException ignored) {
            return null;
        }
    }

    private static boolean isAbsoluteHttpUrl(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private static String meta(Document page, String selector) {
        return attribute(page.selectFirst(selector), "content");
    }

    private static String attribute(Element element, String... names) {
        if (element == null) {
            return null;
        }
        for (String name : names) {
            String value = element.attr(name).strip();
            if (!value.isEmpty()) {
                return value;
            }
        }
        return null;
    }

    private static String text(Element element) {
        return element == null ? null : element.text();
    }

    /**
     * The JSON string whose opening quote {@code pattern} ends on. The string's body is
     * scanned by hand: a regex group such as {@code (?:[^"\\]|\\.)*} recurses once per
     * character in java.util.regex, and a page with a 10 000-character headline would
     * overflow the stack.
     */
    private static String jsonLdValue(List<String> scripts, Pattern pattern) {
        for (String script : scripts) {
            Matcher matcher = pattern.matcher(script);
            if (matcher.find()) {
                int end = closingQuote(script, matcher.end());
                if (end >= 0) {
                    return unescapeJson(script.substring(matcher.end(), end));
                }
            }
        }
        return null;
    }

    /** The index of the unescaped quote that ends the JSON string starting at {@code from}, or -1. */
    private static int closingQuote(String json, int from) {
        for (int i = from; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                return i;
            }
        }
        return -1;
    }

    /** Matches up to the opening quote of the JSON string value of {@code key}. */
    private static Pattern jsonString(String key) {
        return Pattern.compile("\"" + key + "\"\\s*:\\s*\"");
    }

    private static String unescapeJson(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != '\\' || i + 1 == value.length()) {
                out.append(c);
                continue;
            }
            char escaped = value.charAt(++i);
            switch (escaped) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r', 'b', 'f' -> out.append(' ');
                case 'u' -> {
                    if (i + 4 < value.length()) {
                        try {
                            out.append((char) Integer.parseInt(value.substring(i + 1, i + 5), 16));
                            i += 4;
                        } catch (NumberFormatException e) {
                            out.append('u');
                        }
                    }
                }
                default -> out.append(escaped);
            }
        }
        return out.toString();
    }

    private static String first(String... values) {
        for (String value : values) {
            if (value != null) {
                String stripped = value.strip().replaceAll("\\s+", " ");
                if (!stripped.isEmpty()) {
                    return stripped.length() > MAX_FIELD_CHARS ? stripped.substring(0, MAX_FIELD_CHARS) : stripped;
                }
            }
        }
        return null;
    }
}
