package newsroom.ingest.sources;

/** What one fetch of a source came to; stored in {@code source.last_outcome} by name. */
public enum SourceOutcome {
    /** The body was read and parsed. */
    FETCHED,
    /** 304 Not Modified, or the same body as last time: nothing was parsed. */
    NOT_MODIFIED,
    /** robots.txt does not let Newsroom fetch the source's URL. */
    DISALLOWED_BY_ROBOTS,
    /** The fetch failed; the source's last error says why. */
    FAILED;

    /** The label of {@code newsroom_source_fetches_total{outcome}}. */
    public String metricLabel() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
