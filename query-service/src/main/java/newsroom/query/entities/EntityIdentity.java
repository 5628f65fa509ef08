package newsroom.query.entities;

import newsroom.nlp.v1.Entity;

/** An entity's identity without its statistics. */
public record EntityIdentity(long id, String name, Entity.Type type) {

    /** An entity as the store holds it: {@code type} is the name of an {@link Entity.Type}. */
    public static EntityIdentity stored(long id, String name, String type) {
        return new EntityIdentity(id, name, EntityProfiles.typeOf(type));
    }

    /** Reads {@code id, name, type} from a native query's row, starting at {@code first}. */
    public static EntityIdentity fromRow(Object[] row, int first) {
        return stored(((Number) row[first]).longValue(), (String) row[first + 1], (String) row[first + 2]);
    }
}
