package newsroom.cli.sources;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import newsroom.ingest.v1.DiscoveredSource;
import newsroom.ingest.v1.FetchOutcome;
import newsroom.ingest.v1.Source;
import newsroom.ingest.v1.SourceKind;

/** A source, its kind and its fetches in the words the sources commands print. */
final class SourceDescription {

    private SourceDescription() {
    }

    static String kind(SourceKind kind) {
        return switch (kind) {
            case RSS -> "rss";
            case ATOM -> "atom";
            case SITEMAP -> "sitemap";
            case SITEMAP_INDEX -> "sitemap index";
            case GOOGLE_NEWS_SITEMAP -> "google news sitemap";
            // Read from the content at the first successful fetch.
            case SOURCE_KIND_UNSPECIFIED, UNRECOGNIZED -> "-";
        };
    }

    static String outcome(FetchOutcome outcome) {
        return switch (outcome) {
            case FETCHED -> "fetched";
            case NOT_MODIFIED -> "not modified";
            case DISALLOWED_BY_ROBOTS -> "disallowed by robots.txt";
            case FETCH_FAILED -> "failed";
            case FETCH_OUTCOME_UNSPECIFIED, UNRECOGNIZED -> "not fetched yet";
        };
    }

    static String foundBy(DiscoveredSource.FoundBy foundBy) {
        return switch (foundBy) {
            case LINK_ALTERNATE -> "link on the page";
            case ROBOTS_SITEMAP -> "robots.txt";
            case WELL_KNOWN_SITEMAP -> "/sitemap.xml";
            case FOUND_BY_UNSPECIFIED, UNRECOGNIZED -> "-";
        };
    }

    /** The source's name, or its URL while it has none (before the first fetch reads the feed's title). */
    static String label(Source source) {
        return source.getName().isBlank() ? source.getUrl() : source.getName();
    }

    /** "source 12 (Example News)". */
    static String named(Source source) {
        return "source " + source.getId() + " (" + label(source) + ")";
    }

    /** When it is fetched next: "paused", "due" or "in 12 min". */
    static String nextFetch(Source source, Instant now) {
        if (source.getPaused()) {
            return "paused";
        }
        if (!source.hasNextFetchTime() || !FetchTimes.instant(source.getNextFetchTime()).isAfter(now)) {
            return "due";
        }
        return FetchTimes.relative(source.getNextFetchTime(), now);
    }

    /** Every field of the source, one per line, the last error in full. */
    static List<String> lines(Source source, Instant now) {
        List<String> lines = new ArrayList<>();
        lines.add("Source " + source.getId() + (source.getName().isBlank() ? "" : ": " + source.getName()));
        lines.add("URL:                " + source.getUrl());
        lines.add("Kind:               " + (source.getKind() == SourceKind.SOURCE_KIND_UNSPECIFIED
                ? "not known until a first successful fetch" : kind(source.getKind())));
        String interval = "every " + SourceInterval.describe(source.getInterval());
        if (!source.getRequestedInterval().equals(source.getInterval())) {
            interval += " (asked for every " + SourceInterval.describe(source.getRequestedInterval()) + ")";
        }
        lines.add("Interval:           " + interval);
        lines.add("State:              " + (source.getPaused() ? "paused ('newsroom sources resume "
                + source.getId() + "' fetches it again)" : "following"));
        if (source.hasCreateTime()) {
            lines.add("Added:              " + FetchTimes.full(source.getCreateTime(), now));
        }
        lines.add("Last fetch:         " + (source.hasLastFetchTime()
                ? FetchTimes.full(source.getLastFetchTime(), now) + ", " + outcome(source.getLastOutcome())
                : "never"));
        if (!source.getPaused() && source.hasNextFetchTime()) {
            lines.add("Next fetch:         " + FetchTimes.full(source.getNextFetchTime(), now));
        }
        lines.add("Last new items:     " + (source.hasLastNewItemTime()
                ? FetchTimes.full(source.getLastNewItemTime(), now) : "none yet"));
        lines.add("Items seen:         " + source.getItemsSeen());
        lines.add("Articles accepted:  " + source.getArticlesAccepted());
        if (source.getConsecutiveFailures() > 0) {
            lines.add("Failures in a row:  " + source.getConsecutiveFailures());
        }
        if (!source.getLastError().isEmpty()) {
            lines.add("Last error:         " + source.getLastError());
        }
        return lines;
    }
}
