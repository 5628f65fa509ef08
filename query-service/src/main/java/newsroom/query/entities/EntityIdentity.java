package newsroom.query.entities;

import java.util.ArrayList;
import java.util.List;
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

    /**
     * Reads entities aggregated into three SQL arrays of a native query's row, ids, names and
     * types, starting at {@code first}: one entity per position, in the arrays' order.
     */
    public static List<EntityIdentity> fromArrays(Object[] row, int first) {
        Object[] ids = SqlArray.values(row[first]);
        Object[] names = SqlArray.values(row[first + 1]);
        Object[] types = SqlArray.values(row[first + 2]);
        List<EntityIdentity> entities = new ArrayList<>(ids.length);
        for (int i = 0; i < ids.length; i++) {
            entities.add(stored(((Number) ids[i]).longValue(), (String) names[i], (String) types[i]));
        }
        return entities;
    }
}
