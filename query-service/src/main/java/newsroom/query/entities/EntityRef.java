package newsroom.query.entities;

import newsroom.nlp.v1.Entity;

/** An entity's identity without its statistics. */
public record EntityRef(long id, String name, Entity.Type type) {

    /** Reads {@code id, name, type} from a native query's row, starting at {@code first}. */
    static EntityRef fromRow(Object[] row, int first) {
        return new EntityRef(((Number) row[first]).longValue(), (String) row[first + 1],
                EntityProfiles.typeOf((String) row[first + 2]));
    }
}
