package newsroom.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A real-world person, organization or place, shared by all the articles that
 * mention it. Its type is the name of a {@code newsroom.nlp.v1.Entity.Type}.
 */
@Entity
@Table(name = "entity")
public class StoredEntity extends GeneratedIdEntity {

    /** The fullest name seen. */
    public String name;

    public String type;

    /** {@link NameKey} of {@link #name}; unique per type. */
    @Column(name = "name_key")
    public String nameKey;

    @Column(name = "created_at")
    public Instant createdAt = Instant.now();

    /**
     * Mentions of the entity in every article (V4). {@link ArticleRollups} keeps this count and
     * the two below in SQL, in the transaction that writes an analysis; they are read-only here,
     * so flushing a loaded entity never writes back a count another writer has changed since.
     */
    @Column(name = "mention_count", insertable = false, updatable = false)
    public long mentionCount;

    /** Articles that mention the entity (V8). */
    @Column(name = "article_count", insertable = false, updatable = false)
    public long articleCount;

    /** Quotes whose speaker the entity is (V8). */
    @Column(name = "quote_count", insertable = false, updatable = false)
    public long quoteCount;
}
