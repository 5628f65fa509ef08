package newsroom.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One place in an article's cleaned text that names an entity. */
@Entity
@Table(name = "mention")
public class StoredMention extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "article_id")
    public Long articleId;

    @Column(name = "entity_id")
    public Long entityId;

    public String text;

    /** UTF-16 offset into the article's cleaned text, inclusive. */
    @Column(name = "begin_offset")
    public int begin;

    /** UTF-16 offset into the article's cleaned text, exclusive. */
    @Column(name = "end_offset")
    public int end;

    /** NAME, NOMINAL or PRONOMINAL. */
    public String kind;

    /**
     * The article's publication time, copied: the table is partitioned by it (V15), so a
     * mention's month is its article's and reads of an article's mentions touch one partition.
     */
    @Column(name = "published_at")
    public Instant publishedAt;
}
