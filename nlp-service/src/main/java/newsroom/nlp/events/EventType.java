package newsroom.nlp.events;

/** What kind of thing an event is; names match {@code newsroom.nlp.v1.Event.Type}. */
public enum EventType {
    MEET,
    VISIT,
    DISCUSS,
    AGREE,
    CRITICIZE,
    ANNOUNCE
}
