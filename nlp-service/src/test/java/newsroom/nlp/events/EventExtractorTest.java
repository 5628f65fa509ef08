package newsroom.nlp.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import newsroom.nlp.entities.DocumentEntity;
import newsroom.nlp.entities.EntityMention;
import newsroom.nlp.entities.EntityType;
import newsroom.nlp.entities.MentionKind;
import newsroom.nlp.text.QuoteFinder;
import newsroom.nlp.text.Tokens;
import newsroom.nlp.time.DocumentTimex;
import newsroom.nlp.time.TimexType;
import org.junit.jupiter.api.Test;

class EventExtractorTest {

    private final EventExtractor extractor = new EventExtractor();

    /** An entity mentioned by every whole-word occurrence of each of its forms. */
    private static DocumentEntity entity(String id, EntityType type, Tokens text, String... forms) {
        List<EntityMention> mentions = new ArrayList<>();
        for (String form : forms) {
            Matcher m = Pattern.compile("\\b" + Pattern.quote(form) + "\\b").matcher(text.text());
            while (m.find()) {
                mentions.add(new EntityMention(form, m.start(), m.end(),
                        Character.isUpperCase(form.charAt(0)) ? MentionKind.NAME : MentionKind.NOMINAL));
            }
        }
        return new DocumentEntity(id, forms[0], type, List.of(), mentions, 1.0);
    }

    private List<DocumentEvent> extract(Tokens text, List<DocumentTimex> dates, DocumentEntity... entities) {
        return extractor.extract(text.sentences(), List.of(entities), dates, new QuoteFinder().find(text.text()));
    }

    private static DocumentTimex date(Tokens text, String words, String value) {
        int at = text.text().indexOf(words);
        return new DocumentTimex(words, at, at + words.length(), value, TimexType.DATE);
    }

    @Test
    void countriesThatDiscussedATopicOnADay() {
        Tokens text = Tokens.of("Pakistan/NNP and/CC Russia/NNP discussed/VBD/discuss the/DT Afghan/JJ peace/NN "
                + "process/NN on/IN Wednesday/NNP ./.");
        List<DocumentEvent> events = extract(text, List.of(date(text, "Wednesday", "2021-04-07")),
                entity("e1", EntityType.GPE, text, "Pakistan"), entity("e2", EntityType.GPE, text, "Russia"));
        assertEquals(List.of(new DocumentEvent(EventType.DISCUSS, "discussed", List.of("e1", "e2"), List.of(),
                "the Afghan peace process", "", "2021-04-07", 0, text.text().length())), events);
    }

    @Test
    void aPersonWhoMetAnotherInACity() {
        Tokens text = Tokens.of("Lavrov/NNP met/VBD/meet Qureshi/NNP in/IN Islamabad/NNP yesterday/NN ./.");
        List<DocumentEvent> events = extract(text, List.of(date(text, "yesterday", "2021-04-06")),
                entity("e1", EntityType.PERSON, text, "Lavrov"), entity("e2", EntityType.PERSON, text, "Qureshi"),
                entity("e3", EntityType.GPE, text, "Islamabad"));
        assertEquals(1, events.size());
        DocumentEvent met = events.get(0);
        assertEquals(EventType.MEET, met.type());
        assertEquals(List.of("e1"), met.actorEntityIds());
        assertEquals(List.of("e2"), met.participantEntityIds());
        assertEquals("e3", met.locationEntityId());
        assertEquals("2021-04-06", met.date());
    }

    @Test
    void aRolePhraseActsForItsPersonAndAVisitNeedsNoSecondParty() {
        Tokens text = Tokens.of("The/DT Russian/JJ foreign/JJ minister/NN arrived/VBD/arrive in/IN Islamabad/NNP "
                + "for/IN a/DT visit/NN ./.");
        List<DocumentEvent> events = extract(text, List.of(),
                entity("e1", EntityType.PERSON, text, "Sergey Lavrov", "The Russian foreign minister"),
                entity("e2", EntityType.GPE, text, "Islamabad"));
        assertEquals(1, events.size(), "one event of a type per sentence: arrived, not the visit again");
        assertEquals(new DocumentEvent(EventType.VISIT, "arrived", List.of("e1"), List.of(), "", "e2", "", 0,
                text.text().length()), events.get(0));
    }

    @Test
    void talksWithSomeoneAreAMeeting() {
        Tokens text = Tokens.of("Qureshi/NNP said/VBD/say the/DT talks/NNS/talk with/IN his/PRP$ Russian/JJ "
                + "counterpart/NN were/VBD/be productive/JJ ./.");
        List<DocumentEvent> events = extract(text, List.of(), entity("e1", EntityType.PERSON, text, "Qureshi"),
                entity("e2", EntityType.PERSON, text, "Sergey Lavrov", "his Russian counterpart"));
        assertEquals(List.of(new DocumentEvent(EventType.MEET, "talks", List.of("e1"), List.of("e2"), "", "", "", 0,
                text.text().length())), events);
    }

    @Test
    void aPersonWhoCriticisedAnOrganizationAndOneWhoAnnouncedAPlan() {
        Tokens text = Tokens.of("Smith/NNP criticised/VBD/criticise Gazprom/NNP ./. Jones/NNP announced/VBD/announce "
                + "a/DT new/JJ plan/NN for/IN schools/NNS ./. Both/DT sides/NNS agreed/VBD/agree to/TO talk/VB ./.");
        List<DocumentEvent> events = extract(text, List.of(), entity("e1", EntityType.PERSON, text, "Smith"),
                entity("e2", EntityType.ORGANIZATION, text, "Gazprom"), entity("e3", EntityType.PERSON, text, "Jones"));
        assertEquals(2, events.size(), "no event without a named actor: " + events);
        assertEquals(EventType.CRITICIZE, events.get(0).type());
        assertEquals(List.of("e1"), events.get(0).actorEntityIds());
        assertEquals(List.of("e2"), events.get(0).participantEntityIds());
        assertEquals(EventType.ANNOUNCE, events.get(1).type());
        assertEquals("a new plan", events.get(1).topic());
    }

    @Test
    void wordsInQuotationMarksAreNotEvents() {
        Tokens text = Tokens.of("\"/`` Russia/NNP met/VBD/meet Pakistan/NNP halfway/RB ,/, \"/'' Qureshi/NNP "
                + "said/VBD/say ./.");
        List<DocumentEvent> events = extract(text, List.of(), entity("e1", EntityType.GPE, text, "Russia"),
                entity("e2", EntityType.GPE, text, "Pakistan"), entity("e3", EntityType.PERSON, text, "Qureshi"));
        assertEquals(List.of(), events);
        Tokens reported = Tokens.of("Russia/NNP met/VBD/meet Pakistan/NNP halfway/RB ./.");
        assertEquals(1, extract(reported, List.of(), entity("e1", EntityType.GPE, reported, "Russia"),
                entity("e2", EntityType.GPE, reported, "Pakistan")).size(),
                "the same words outside quotation marks");
    }

    @Test
    void aMeetingNeedsTwoSidesAndAVisitAPlace() {
        Tokens text = Tokens.of("Brown/NNP would/MD meet/VB his/PRP$ fiscal/JJ rules/NNS ./. Blair/NNP backed/VBD/back "
                + "the/DT summit/NN ./. Blair/NNP met/VBD/meet Italian/JJ Prime/NNP Minister/NNP Silvio/NNP Berlusconi/NNP "
                + "and/CC Gerhard/NNP Schroeder/NNP ./. Blair/NNP travelled/VBD/travel widely/RB ./.");
        List<DocumentEvent> events = extract(text, List.of(), entity("e1", EntityType.PERSON, text, "Brown"),
                entity("e2", EntityType.PERSON, text, "Blair"), entity("e3", EntityType.PERSON, text, "Silvio Berlusconi"),
                entity("e4", EntityType.PERSON, text, "Gerhard Schroeder"));
        assertEquals(1, events.size(), events.toString());
        assertEquals(List.of("e2"), events.get(0).actorEntityIds());
        assertEquals(List.of("e3", "e4"), events.get(0).participantEntityIds());
    }

    @Test
    void aNameThatModifiesANounActsForNobody() {
        Tokens text = Tokens.of("UK/NNP Foreign/NNP Secretary/NNP Jack/NNP Straw/NNP announced/VBD/announce cuts/NNS ./. "
                + "Manchester/NNP hotels/NNS announced/VBD/announce offers/NNS ./.");
        List<DocumentEvent> events = extract(text, List.of(), entity("e1", EntityType.GPE, text, "UK"),
                entity("e2", EntityType.PERSON, text, "Jack Straw"), entity("e3", EntityType.GPE, text, "Manchester"));
        assertEquals(1, events.size(), events.toString());
        assertEquals(List.of("e2"), events.get(0).actorEntityIds());
    }

    @Test
    void anActorIsInTheTriggersClauseNotAnEarlierOne() {
        Tokens text = Tokens.of("Lavrov/NNP said/VBD/say the/DT ministers/NNS discussed/VBD/discuss trade/NN ./. "
                + "Blunkett/NNP has/VBZ/have apologised/VBN/apologise after/IN the/DT ministry/NN announced/VBD/announce "
                + "a/DT review/NN ./. Kelly/NNP is/VBZ/be expected/VBN/expect to/TO announce/VB her/PRP$ plans/NNS "
                + "next/JJ week/NN ./.");
        List<DocumentEvent> events = extract(text, List.of(), entity("e1", EntityType.PERSON, text, "Lavrov"),
                entity("e2", EntityType.PERSON, text, "Blunkett"), entity("e3", EntityType.PERSON, text, "Kelly"));
        assertEquals(1, events.size(), events.toString());
        assertEquals(List.of("e3"), events.get(0).actorEntityIds());
    }
}
