package newsroom.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Something an article reports happening (V11): a meeting, a visit, talks, an
 * agreement, criticism or an announcement, at the span of its reporting sentence. Who took
 * part is in {@link EventEntityLink}s.
 */
@Entity
@Table(name = "event")
public class StoredEvent extends ArticleSpanEntity {

    /** The name of {@code newsroom.nlp.v1.Event.Type}: MEET, VISIT, DISCUSS, AGREE, CRITICIZE or ANNOUNCE. */
    public String type;

    /** The word that reports the event ("met", "talks"), as written. */
    public String trigger;

    /** What it was about, as written; empty when the sentence names no subject. */
    public String topic = "";

    /** The global entity of where it happened; null when the sentence names no place that resolved to one. */
    @Column(name = "location_entity_id")
    public Long locationEntityId;

    /** The TIMEX value of the sentence's date ("2021-04-06", "2021-04", "2021-W14"); empty when it has none. */
    @Column(name = "date_value")
    public String dateValue = "";

    /** The first day of the period {@link #dateValue} names; null when it names none. */
    @Column(name = "date_first_day")
    public LocalDate dateFirstDay;

    /**
     * Where the event is placed in time, for ordering and period filters: the first instant (UTC)
     * of its date's first day, or its article's publication time when it has no date. Events are
     * mostly reported soon after they happen, and an undated one still belongs in the article's
     * period rather than in none.
     */
    public Instant happenedAt() {
        return dateFirstDay == null ? publishedAt : dateFirstDay.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
