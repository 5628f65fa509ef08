package newsroom.query.entities;

import newsroom.query.paging.Page;

/**
 * One page of an entity's co-mentions.
 *
 * @param articleCount in how many articles {@code entity} is mentioned
 */
public record CoMentions(EntityIdentity entity, long articleCount, Page<CoMentionedEntity> page) {
}
