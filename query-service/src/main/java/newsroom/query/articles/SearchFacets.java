package newsroom.query.articles;

import java.util.List;
import newsroom.query.entities.EntityIdentity;

/**
 * What a search's matches hold, not only a page's: how many there are, who
 * published the most of them and which entities the most of them mention,
 * counted over a sample of its newest matches (all of them when they are no
 * more than the sample).
 *
 * @param countedMatches    how many matches were counted: all of them, or the sample when there are more
 * @param moreThanCounted   whether more articles match than were counted, so that countedMatches is a lower bound
 * @param topSources        the publishers of the most counted matches, at most {@link ArticleQueries#TOP_FACETS}
 * @param topEntities       the global entities mentioned in the most counted matches, at most
 *                          {@link ArticleQueries#TOP_FACETS}
 */
public record SearchFacets(long countedMatches, boolean moreThanCounted, List<SourceCount> topSources,
                           List<EntityCount> topEntities) {

    public SearchFacets {
        topSources = List.copyOf(topSources);
        topEntities = List.copyOf(topEntities);
    }

    /** How many counted matches one publisher published. */
    public record SourceCount(String source, long articles) {
    }

    /** How many counted matches mention one global entity. */
    public record EntityCount(EntityIdentity entity, long articles) {
    }
}
