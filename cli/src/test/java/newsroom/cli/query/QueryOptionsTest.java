package newsroom.cli.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.protobuf.Timestamp;
import newsroom.cli.UserError;
import newsroom.nlp.v1.AttributionForm;
import newsroom.nlp.v1.Event;
import newsroom.query.v1.EventRecord;
import org.junit.jupiter.api.Test;

/** The values {@code quotes --form} and {@code events --type} take, and how an event's date is shown. */
class QueryOptionsTest {

    @Test
    void aFormIsOneOfThreeInAnyCase() {
        assertEquals(AttributionForm.DIRECT, QuotesCommand.parseForm("direct"));
        assertEquals(AttributionForm.MIXED, QuotesCommand.parseForm("Mixed"));
        assertEquals(AttributionForm.INDIRECT, QuotesCommand.parseForm("INDIRECT"));
        for (String value : new String[] {"reported", "attribution_form_unspecified", "unrecognized", ""}) {
            UserError error = assertThrows(UserError.class, () -> QuotesCommand.parseForm(value));
            assertEquals("--form: must be direct, mixed or indirect, not '" + value + "'", error.getMessage());
        }
    }

    @Test
    void anEventTypeIsOneOfSixInAnyCase() {
        assertEquals(Event.Type.MEET, EventsCommand.parseType("meet"));
        assertEquals(Event.Type.VISIT, EventsCommand.parseType("Visit"));
        assertEquals(Event.Type.DISCUSS, EventsCommand.parseType("discuss"));
        assertEquals(Event.Type.AGREE, EventsCommand.parseType("agree"));
        assertEquals(Event.Type.CRITICIZE, EventsCommand.parseType("CRITICIZE"));
        assertEquals(Event.Type.ANNOUNCE, EventsCommand.parseType("announce"));
        for (String value : new String[] {"met", "type_unspecified", "unrecognized"}) {
            UserError error = assertThrows(UserError.class, () -> EventsCommand.parseType(value));
            assertEquals("--type: must be meet, visit, discuss, agree, criticize or announce, not '" + value + "'",
                    error.getMessage());
        }
    }

    @Test
    void anEventShowsItsOwnDateOrThePublicationDayItIsPlacedOn() {
        Timestamp april7 = TimeBound.parse("--from", "2021-04-07T09:00:00Z");
        assertEquals("2021-03", EventsCommand.when(EventRecord.newBuilder().setDate("2021-03")
                .setEventTime(TimeBound.parse("--from", "2021-03-01")).build()));
        assertEquals("2021-04-07 (published)",
                EventsCommand.when(EventRecord.newBuilder().setEventTime(april7).build()));
    }
}
