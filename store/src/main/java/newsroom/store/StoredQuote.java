package newsroom.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A direct quote in an article and the global entity that said it. */
@Entity
@Table(name = "quote")
public class StoredQuote extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "article_id")
    public Long articleId;

    /** Null when the quote has no single identifiable speaker. */
    @Column(name = "speaker_entity_id")
    public Long speakerEntityId;

    /** The speaker's canonical name in the article; empty when unknown. */
    public String speaker = "";

    public String text;

    /** Lemma of the attributing verb ("say", "add"); empty when none. */
    public String cue = "";

    /** The article's publication time, copied so quote lists order by date on one index (V4). */
    @Column(name = "published_at")
    public Instant publishedAt;

    @Column(name = "begin_offset")
    public int begin;

    @Column(name = "end_offset")
    public int end;
}
