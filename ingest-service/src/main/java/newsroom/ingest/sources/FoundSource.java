package newsroom.ingest.sources;

import newsroom.fetching.FeedOffer;

/** A feed or sitemap a site offers, and whether a source follows it already. */
public record FoundSource(FeedOffer offer, boolean alreadyFollowed) {
}
