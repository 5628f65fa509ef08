package newsroom.query.articles;

import java.util.Optional;
import newsroom.query.paging.Page;

/**
 * A page of a search, with the facets of all its matches when they were asked for.
 *
 * @param facets empty unless the search was asked to count its matches
 */
public record SearchResult(Page<SearchMatch> page, Optional<SearchFacets> facets) {
}
