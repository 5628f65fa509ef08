package newsroom.query.entities;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import newsroom.nlp.v1.Entity;

/**
 * An entity across all articles.
 *
 * @param aliases        every form seen other than the canonical name, alphabetically
 * @param firstSeen      publication time of the earliest article linked to it; empty when none is
 * @param lastSeen       publication time of the latest article linked to it; empty when none is
 */
public record EntityProfile(long id, String name, Entity.Type type, List<String> aliases, long mentionCount,
                            long articleCount, Optional<Instant> firstSeen, Optional<Instant> lastSeen,
                            long quoteCount) {

    public EntityProfile {
        aliases = List.copyOf(aliases);
    }
}
