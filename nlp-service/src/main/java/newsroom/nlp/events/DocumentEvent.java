package newsroom.nlp.events;

import java.util.List;

/**
 * Something one sentence reports happening between entities.
 *
 * @param trigger the word that reports it ("met", "talks"), as written
 * @param actorEntityIds who did it, in order of appearance; never empty
 * @param participantEntityIds with or to whom, in order of appearance; not repeating an actor
 * @param topic what it was about, as written ("the Afghan peace process"); empty when none
 * @param locationEntityId the place, a GPE or LOCATION entity id; empty when none
 * @param date the resolved value of the sentence's first date ("2021-04-06"); empty when none
 * @param begin start offset of the sentence in the cleaned text, inclusive
 * @param end end offset of the sentence in the cleaned text, exclusive
 */
public record DocumentEvent(EventType type, String trigger, List<String> actorEntityIds,
        List<String> participantEntityIds, String topic, String locationEntityId, String date, int begin, int end) {

    public DocumentEvent {
        actorEntityIds = List.copyOf(actorEntityIds);
        participantEntityIds = List.copyOf(participantEntityIds);
    }
}
