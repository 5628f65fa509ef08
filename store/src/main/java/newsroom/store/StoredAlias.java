package newsroom.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;

/** A form an entity has been seen under; the canonical name is one too. */
@Entity
@Table(name = "entity_alias")
public class StoredAlias extends PanacheEntityBase {

    /** An alias is identified by its entity and its {@link NameKey}. */
    @Embeddable
    public record Key(@Column(name = "entity_id") Long entityId,
                      @Column(name = "alias_key") String aliasKey) implements Serializable {
    }

    @EmbeddedId
    public Key key;

    public String alias;

    public static StoredAlias of(long entityId, String alias) {
        StoredAlias stored = new StoredAlias();
        stored.key = new Key(entityId, NameKey.of(alias));
        stored.alias = alias;
        return stored;
    }
}
