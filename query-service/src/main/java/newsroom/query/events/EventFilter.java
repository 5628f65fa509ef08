package newsroom.query.events;

import newsroom.nlp.v1.Event;
import newsroom.query.TimeRange;

/**
 * Which of an entity's events to list; the parts given combine with AND.
 *
 * @param entityId the global entity that took part, as an actor or a participant
 * @param type     only events of this type; TYPE_UNSPECIFIED means any
 * @param range    only events placed in this range ({@link ReportedEvent#time()})
 */
public record EventFilter(long entityId, Event.Type type, TimeRange range) {
}
