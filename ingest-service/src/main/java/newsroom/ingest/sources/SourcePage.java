package newsroom.ingest.sources;

import java.util.List;

/**
 * One page of ListSources.
 *
 * @param nextPageToken empty on the last page
 * @param totalCount    the sources followed in all
 */
public record SourcePage(List<FollowedSource> sources, String nextPageToken, long totalCount) {
}
