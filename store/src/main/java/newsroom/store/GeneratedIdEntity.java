package newsroom.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

/**
 * A row whose id PostgreSQL gives it on insert (an identity column), so Hibernate needs no
 * sequence of its own: Panache's {@code PanacheEntity} would ask for one.
 */
@MappedSuperclass
public abstract class GeneratedIdEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
}
