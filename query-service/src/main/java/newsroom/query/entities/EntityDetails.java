package newsroom.query.entities;

import java.util.List;

/**
 * An entity's profile with how its coverage's tone went and who it is mentioned with.
 *
 * @param toneTrend    monthly buckets of the twelve months up to its last mention, oldest first
 * @param topCoMentions the entities most often mentioned with it, most shared articles first
 */
public record EntityDetails(EntityProfile profile, List<TimelinePeriod> toneTrend,
                            List<CoMentionedEntity> topCoMentions) {

    public EntityDetails {
        toneTrend = List.copyOf(toneTrend);
        topCoMentions = List.copyOf(topCoMentions);
    }
}
