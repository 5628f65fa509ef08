package newsroom.nlp.time;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import newsroom.nlp.text.Tokens;
import org.junit.jupiter.api.Test;

class WeekdayTenseResolverTest {

    /** A Wednesday; SUTime would date every weekday in its week, Monday 2021-04-05 to Sunday 2021-04-11. */
    private static final LocalDate PUBLISHED = LocalDate.parse("2021-04-07");

    private final WeekdayTenseResolver resolver = new WeekdayTenseResolver();

    /** The value the resolver gives {@code weekday} in the tagged sentence, starting from SUTime's same-week value. */
    private String resolve(String tagged, String weekday, String sutimeValue) {
        Tokens tokens = Tokens.of(tagged);
        int begin = tokens.text().indexOf(weekday);
        DocumentTimex sutime = new DocumentTimex(weekday, begin, begin + weekday.length(), sutimeValue, TimexType.DATE);
        return resolver.resolve(List.of(sutime), tokens.tokens(), PUBLISHED).get(0).value();
    }

    @Test
    void aPastVerbPointsToTheLastSuchDay() {
        assertEquals("2021-04-05", resolve("They/PRP met/VBD/meet on/IN Monday/NNP ./.", "Monday", "2021-04-05"));
        assertEquals("2021-04-01", resolve("They/PRP met/VBD/meet on/IN Thursday/NNP ./.", "Thursday", "2021-04-08"));
        assertEquals("2021-04-02", resolve("The/DT deal/NN has/VBZ/have been/VBN/be signed/VBN/sign on/IN Friday/NNP ./.",
                "Friday", "2021-04-09"));
        assertEquals("2021-04-01", resolve("The/DT deal/NN is/VBZ/be thought/VBN/think to/TO have/VB been/VBN/be "
                + "agreed/VBN/agree on/IN Thursday/NNP ./.", "Thursday", "2021-04-08"));
    }

    @Test
    void aFutureClausePointsToTheNextSuchDay() {
        assertEquals("2021-04-12", resolve("They/PRP will/MD meet/VB on/IN Monday/NNP ./.", "Monday", "2021-04-05"));
        assertEquals("2021-04-08", resolve("He/PRP is/VBZ/be due/JJ to/TO travel/VB on/IN Thursday/NNP ./.",
                "Thursday", "2021-04-08"));
        assertEquals("2021-04-12", resolve("The/DT envoy/NN is/VBZ/be meeting/VBG/meet rebels/NNS on/IN Monday/NNP ./.",
                "Monday", "2021-04-05"));
        assertEquals("2021-04-12", resolve("The/DT envoy/NN travels/VBZ/travel to/TO Kabul/NNP on/IN Monday/NNP ./.",
                "Monday", "2021-04-05"));
        assertEquals("2021-04-12", resolve("He/PRP will/MD publish/VB his/PRP$ ``/`` Budget/NNP ''/'' on/IN Monday/NNP ./.",
                "Monday", "2021-04-05"));
    }

    @Test
    void aWeekdayBeforeItsVerbTakesTheTenseOfTheVerbAfterIt() {
        assertEquals("2021-04-05", resolve("On/IN Monday/NNP ,/, Lavrov/NNP met/VBD/meet Qureshi/NNP ./.",
                "Monday", "2021-04-05"));
        assertEquals("2021-04-12", resolve("On/IN Monday/NNP ,/, Lavrov/NNP will/MD meet/VB Qureshi/NNP ./.",
                "Monday", "2021-04-05"));
    }

    @Test
    void eachClauseHasItsOwnTense() {
        String tagged = "Lavrov/NNP ,/, who/WP met/VBD/meet Qureshi/NNP on/IN Monday/NNP ,/, will/MD travel/VB "
                + "to/TO Delhi/NNP on/IN Thursday/NNP ./.";
        assertEquals("2021-04-05", resolve(tagged, "Monday", "2021-04-05"));
        assertEquals("2021-04-08", resolve(tagged, "Thursday", "2021-04-08"));
    }

    @Test
    void thePublicationWeekdayIsThePublicationDayInEitherTense() {
        assertEquals("2021-04-07", resolve("They/PRP discussed/VBD/discuss trade/NN on/IN Wednesday/NNP ./.",
                "Wednesday", "2021-04-07"));
        assertEquals("2021-04-07", resolve("They/PRP will/MD vote/VB on/IN Wednesday/NNP ./.", "Wednesday", "2021-04-07"));
    }

    @Test
    void aTimeOfDayIsKept() {
        Tokens tokens = Tokens.of("They/PRP met/VBD/meet on/IN Thursday/NNP evening/NN ./.");
        int begin = tokens.text().indexOf("Thursday");
        DocumentTimex sutime = new DocumentTimex("Thursday evening", begin, begin + 16, "2021-04-08TEV", TimexType.TIME);
        assertEquals("2021-04-01TEV", resolver.resolve(List.of(sutime), tokens.tokens(), PUBLISHED).get(0).value());
    }

    @Test
    void otherExpressionsAndClausesWithoutTenseKeepTheirValue() {
        assertEquals("2021-04-06", resolve("They/PRP will/MD meet/VB yesterday/NN ./.", "yesterday", "2021-04-06"));
        assertEquals("2021-04-05", resolve("Talks/NNS planned/VBN/plan for/IN Monday/NNP ./.", "Monday", "2021-04-05"));
        assertEquals("2021-04-08", resolve("He/PRP said/VBD/say he/PRP would/MD go/VB on/IN Thursday/NNP ./.",
                "Thursday", "2021-04-08"));
    }
}
