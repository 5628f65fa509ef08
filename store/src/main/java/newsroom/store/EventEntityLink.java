package newsroom.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/**
 * A global entity that took part in a stored event, as an actor or a
 * participant (V11). The event's type, time, article and offset are copied
 * into the link so that an entity's events are one index range, latest first.
 */
@Entity
@Table(name = "event_entity")
public class EventEntityLink extends PanacheEntityBase {

    /** How an entity takes part in an event. */
    public enum Role {
        /** Did it: a subject of the reporting sentence. */
        ACTOR,
        /** With or to whom it was done. */
        PARTICIPANT
    }

    /** An entity takes part in an event at most once. */
    @Embeddable
    public record Key(@Column(name = "event_id") Long eventId,
                      @Column(name = "entity_id") Long entityId) implements Serializable {
    }

    @EmbeddedId
    public Key key;

    @Enumerated(EnumType.STRING)
    public Role role;

    /** Order of appearance among the event's entities of the same role, from 0. */
    public int position;

    /** The event's type ({@link StoredEvent#type}). */
    @Column(name = "event_type")
    public String eventType;

    /** The event's {@link StoredEvent#happenedAt()}. */
    @Column(name = "happened_at")
    public Instant happenedAt;

    @Column(name = "article_id")
    public Long articleId;

    /** The event's {@link StoredEvent#begin}. */
    @Column(name = "begin_offset")
    public int begin;
}
