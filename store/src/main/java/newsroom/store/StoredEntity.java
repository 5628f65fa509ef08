package newsroom.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A real-world person, organization or place, shared by all the articles that
 * mention it. Its type is the name of a {@code newsroom.nlp.v1.Entity.Type}.
 */
@Entity
@Table(name = "entity")
public class StoredEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** The fullest name seen. */
    public String name;

    public String type;

    /** {@link NameKey} of {@link #name}; unique per type. */
    @Column(name = "name_key")
    public String nameKey;

    @Column(name = "created_at")
    public Instant createdAt = Instant.now();
}
