package newsroom.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;

/** Which global entity a document-level entity of an article resolved to. */
@Entity
@Table(name = "article_entity")
public class ArticleEntityLink extends PanacheEntityBase {

    /** A link is identified by its article and the entity's id within the analysis. */
    @Embeddable
    public record Key(@Column(name = "article_id") Long articleId,
                      @Column(name = "local_entity_id") String localEntityId) implements Serializable {
    }

    @EmbeddedId
    public Key key;

    @Column(name = "entity_id")
    public Long entityId;

    public double salience;
}
