package newsroom.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** One place in an article's cleaned text that names an entity. */
@Entity
@Table(name = "mention")
public class StoredMention extends ArticleSpanEntity {

    @Column(name = "entity_id")
    public Long entityId;

    public String text;

    /** NAME, NOMINAL or PRONOMINAL. */
    public String kind;
}
