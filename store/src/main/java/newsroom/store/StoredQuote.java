package newsroom.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * An attribution in an article (quoted words or reported speech) and the
 * global entity that said it.
 */
@Entity
@Table(name = "quote")
public class StoredQuote extends ArticleSpanEntity {

    /** Null when the quote has no single identifiable speaker. */
    @Column(name = "speaker_entity_id")
    public Long speakerEntityId;

    /** The speaker's canonical name in the article; empty when unknown. */
    public String speaker = "";

    /** DIRECT: the quoted words; MIXED and INDIRECT: the reported content. */
    public String text;

    /**
     * How the words are given, the name of {@code newsroom.nlp.v1.AttributionForm}: DIRECT,
     * MIXED or INDIRECT (V11). An analysis that gives none (ATTRIBUTION_FORM_UNSPECIFIED,
     * written before forms existed) holds direct quotes only.
     */
    public String form = "DIRECT";

    /** Lemma of the cue ("say", "add", "according to"); empty when none. */
    public String cue = "";

    /**
     * The words' search vector, {@code to_tsvector('english', text)} in tsvector's text form:
     * a generated column (V1) that PostgreSQL computes, so Hibernate never writes it.
     */
    @Column(name = "text_vector", insertable = false, updatable = false)
    public String textVector;
}
