package newsroom.query.events;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import newsroom.nlp.v1.Event;
import newsroom.query.articles.ArticleMetadata;
import newsroom.query.entities.EntityIdentity;

/**
 * Something an article reports happening, with the global entities that took part.
 *
 * @param trigger      the word that reports it, as written
 * @param actors       who did it, in order of appearance; never empty
 * @param participants with or to whom, in order of appearance; never one of the actors
 * @param topic        what it was about, as written; may be empty
 * @param location     where it happened, when the article names a place
 * @param date         the TIMEX value of the event's date ("2021-04-06", "2021-04"); empty when it has none
 * @param time         where the event is placed in time: its date's first day (00:00 UTC), or the
 *                     article's publication time when it has no date
 * @param begin        start of the reporting sentence in the article's cleaned text, UTF-16 code units
 * @param end          end of the reporting sentence, UTF-16 code units, exclusive
 */
public record ReportedEvent(Event.Type type, String trigger, List<EntityIdentity> actors,
                            List<EntityIdentity> participants, String topic, Optional<EntityIdentity> location,
                            String date, Instant time,
                            ArticleMetadata article, int begin, int end) {

    public ReportedEvent {
        actors = List.copyOf(actors);
        participants = List.copyOf(participants);
    }
}
