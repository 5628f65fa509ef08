package newsroom.query.entities;

import newsroom.query.paging.Page;

/**
 * One page of an entity's co-mentions.
 *
 * @param articleCount in how many articles {@code entity} is mentioned
 */
public record CoMentions(EntityRef entity, long articleCount, Page<CoMention> page) {
}
