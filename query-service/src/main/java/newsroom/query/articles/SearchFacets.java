package newsroom.query.articles;

import java.util.List;
import newsroom.query.entities.EntityRef;

/**
 * What all of a search's matches hold, not only a page's: how many there are,
 * who published the most of them and which entities the most of them mention.
 *
 * @param totalMatches how many articles match the words and the filter
 * @param topSources   the publishers of the most matches, at most {@link ArticleQueries#TOP_FACETS}
 * @param topEntities  the global entities mentioned in the most matches, at most {@link ArticleQueries#TOP_FACETS}
 */
public record SearchFacets(long totalMatches, List<SourceCount> topSources, List<EntityCount> topEntities) {

    public SearchFacets {
        topSources = List.copyOf(topSources);
        topEntities = List.copyOf(topEntities);
    }

    /** How many matches one publisher published. */
    public record SourceCount(String source, long articles) {
    }

    /** How many matches mention one global entity. */
    public record EntityCount(EntityRef entity, long articles) {
    }
}
