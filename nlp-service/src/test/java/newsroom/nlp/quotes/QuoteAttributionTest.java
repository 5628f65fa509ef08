package newsroom.nlp.quotes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import newsroom.nlp.v1.AttributionForm;
import newsroom.nlp.v1.Quote;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** The attribution rules on short texts written for the test, through the real pipeline without gRPC. */
@QuarkusTest
@Order(4)
class QuoteAttributionTest extends QuotePipelineTest {

    @Test
    void speakerBeforeOrAfterTheQuote() {
        List<Quote> quotes = quotes("\u201cWe will not give up,\u201d Maria Novak said on Monday.\n\n"
                + "Tom Becker told reporters: \u201cThe vote is final.\u201d");
        assertQuote(quotes.get(0), "We will not give up,", "Maria Novak", "say");
        assertQuote(quotes.get(1), "The vote is final.", "Tom Becker", "tell");
    }

    @Test
    void pronounsGoToTheMostRecentPersonAndContinuationsKeepTheSpeaker() {
        List<Quote> quotes = quotes("\"The deal is done,\" Tom Becker said. \"Nobody can stop it now.\"\n\n"
                + "Maria Novak arrived in Berlin later that day.\n\n"
                + "\"We are not so sure,\" she said.");
        assertQuote(quotes.get(0), "The deal is done,", "Tom Becker", "say");
        assertQuote(quotes.get(1), "Nobody can stop it now.", "Tom Becker", "");
        assertQuote(quotes.get(2), "We are not so sure,", "Maria Novak", "say");
    }

    @Test
    void aRoleGoesToThePersonDescribedWithIt() {
        List<Quote> quotes = quotes("Finance Minister Tom Becker met Prime Minister Maria Novak in Berlin.\n\n"
                + "Novak said the talks had gone well.\n\n"
                + "\u201cPrices will fall next year,\u201d the finance minister added.", AttributionForm.DIRECT);
        assertQuote(quotes.get(0), "Prices will fall next year,", "Tom Becker", "add");
    }

    @Test
    void aPartialQuoteInsideReportedSpeechIsOneMixedAttribution() {
        List<Quote> quotes = quotes("Maria Novak said the two governments had \u201cnever been closer.\u201d");
        assertEquals(1, quotes.size(), quotes.toString());
        assertQuote(quotes.get(0), "the two governments had \u201cnever been closer.\u201d", "Maria Novak", "say");
        assertEquals(AttributionForm.MIXED, quotes.get(0).getForm());
    }

    @Test
    void noSingleSpeakerMeansNoSpeakerEntityButTheSubjectsWords() {
        assertSpeakerWithoutEntity(quotes("Germany and France vowed to \u201cwork together on energy.\u201d").get(0),
                "Germany and France");
    }

    @Test
    void signedQuotesGoToTheSignature() {
        List<Quote> quotes = quotes("Readers wrote to us after the debate.\n\n"
                + "\u201cThe debate was a mess.\u201d \u2015 Lena Hofer\n\n"
                + "Jonas Weber: \u201cI will vote anyway.\u201d");
        assertQuote(quotes.get(0), "The debate was a mess.", "Lena Hofer", "");
        assertQuote(quotes.get(1), "I will vote anyway.", "Jonas Weber", "");
    }

    @Test
    void aPronounBeforeAnySubjectGoesToThePersonNamedLast() {
        List<Quote> quotes = quotes("A statement from Maria Novak arrived on Monday.\n\n"
                + "\"My hope,\" she said, \"is that the vote is fair.\"");
        assertQuote(quotes.get(0), "My hope,", "Maria Novak", "say");
        assertEquals(quotes.get(0).getSpeakerEntityId(), quotes.get(1).getSpeakerEntityId());
    }

    @Test
    void aQuoteAfterAColonGoesToTheNamedSubject() {
        List<Quote> quotes = quotes("Tom Becker rolled out a new slogan: \u201cIt is about you.\u201d\n\n"
                + "Maria Novak continued: \u201cWe will win.\u201d");
        assertQuote(quotes.get(0), "It is about you.", "Tom Becker", "");
        assertQuote(quotes.get(1), "We will win.", "Maria Novak", "continue");
    }

    @Test
    void aQuestionEndsTheSentenceAndTheCueOpensTheNext() {
        List<Quote> quotes = quotes("Tom Becker spoke after Maria Novak.\n\n"
                + "\u201cDoes anybody know the plan?\u201d Becker asked. \u201cNeither do I. Nobody does.\u201d");
        assertQuote(quotes.get(0), "Does anybody know the plan?", "Tom Becker", "ask");
        assertQuote(quotes.get(1), "Neither do I. Nobody does.", "Tom Becker", "");
    }

    @Test
    void aCueSentenceEndingInAColonIntroducesTheQuoteParagraphAfterIt() {
        List<Quote> quotes = quotes("Maria Novak spoke to reporters after the vote. She said:\n\n"
                + "\u201cWe will keep working until the law is changed.\u201d");
        assertQuote(quotes.get(0), "We will keep working until the law is changed.", "Maria Novak", "say");
    }

    @Test
    void aNameRightBeforeTheColonIsTheSpeaker() {
        List<Quote> quotes = quotes("Maria Novak won the vote.\n\n"
                + "The result did not surprise the pollster Tom Becker: \u201cTurnout decided it.\u201d");
        assertQuote(quotes.get(0), "Turnout decided it.", "Tom Becker", "");
    }

    @Test
    void asSomeonePutItAndSubjectsHigherUpTheClause() {
        List<Quote> quotes = quotes("As Maria Novak put it, \u201cThe market has spoken.\u201d\n\n"
                + "Tom Becker went so far as to say: \u201cThis budget is a disgrace.\u201d\n\n"
                + "Becker was asked about the deficit. He answered, \u201cIt will shrink.\u201d");
        assertQuote(quotes.get(0), "The market has spoken.", "Maria Novak", "put");
        assertQuote(quotes.get(1), "This budget is a disgrace.", "Tom Becker", "say");
        assertQuote(quotes.get(2), "It will shrink.", "Tom Becker", "answer");
    }

    @Test
    void aContinuationMayEndInNarrativeWithoutASpeechVerb() {
        List<Quote> quotes = quotes("\u201cWe will win the next vote,\u201d said Tom Becker, the party leader. "
                + "\u201cWe have the numbers in every region,\u201d which few people believe.");
        assertQuote(quotes.get(1), "We have the numbers in every region,", "Tom Becker", "");
    }

    @Test
    void theCueTheQuoteHangsFromBeatsACloserOne() {
        List<Quote> quotes = quotes("Maria Novak spoke after the debate.\n\n"
                + "The ad shows Tom Becker saying at the debate, \u201cThat makes me smart,\u201d when Novak attacked him.",
                AttributionForm.DIRECT);
        assertQuote(quotes.get(0), "That makes me smart,", "Tom Becker", "say");
    }

    @Test
    void aCueInTheNextParagraphBelongsToItsOwnSpeakers() {
        List<Quote> quotes = quotes("\u201cThe plan is sound,\u201d wrote Tom Becker for the Daily Record. "
                + "\u201cMost voters agree with it.\u201d\n\n"
                + "Many officials are urging changes to the plan.");
        assertQuote(quotes.get(1), "Most voters agree with it.", "Tom Becker", "");
    }

    @Test
    void speakersTheParserLeavesWithoutASubject() {
        List<Quote> quotes = quotes("\u201cThe rules are wrong,\u201d said city widow Lena Hofer.\n\n"
                + "\u201cWe expect a vote soon,\u201d Rep. Jonas Weber (D-Md.) said in an interview.\n\n"
                + "\u201cThe Long Road\u201d was written by Tom Becker after the war.");
        assertQuote(quotes.get(0), "The rules are wrong,", "Lena Hofer", "say");
        assertQuote(quotes.get(1), "We expect a vote soon,", "Jonas Weber", "say");
        assertQuote(quotes.get(2), "The Long Road", "Tom Becker", "write");
    }

    @Test
    void aRelativeWhoIsThePersonItFollows() {
        List<Quote> quotes = quotes("Tom Becker opened the museum with Maria Novak, who joked, \u201cI have not seen it yet.\u201d");
        assertQuote(quotes.get(0), "I have not seen it yet.", "Maria Novak", "joke");
    }

    @Test
    void factCheckQuotesSignedOnTheNextLine() {
        List<Quote> quotes = quotes("Here are the claims we checked.\n\n"
                + "\"Taxes went up for every family.\"\n\n- Maria Novak.\n\nThis is not true.");
        assertQuote(quotes.get(0), "Taxes went up for every family.", "Maria Novak", "");
    }

    @Test
    void accordingToAndContinuationsLaterInTheParagraph() {
        List<Quote> quotes = quotes("According to Tom Becker, \u201cthe budget is balanced.\u201d\n\n"
                + "\"We will not raise taxes,\" Maria Novak said after the meeting. She did not give details. "
                + "\"Our goal is growth.\"");
        assertQuote(quotes.get(0), "the budget is balanced.", "Tom Becker", "according to");
        assertQuote(quotes.get(2), "Our goal is growth.", "Maria Novak", "");
    }

    @Test
    void aPartialQuoteWithoutASpeechVerbIsTheWordsOfTheNamedSubject() {
        List<Quote> quotes = quotes("In a speech in May, Tom Becker attacked \u201cthe failed ideas of the past.\u201d");
        assertQuote(quotes.get(0), "the failed ideas of the past.", "Tom Becker", "");
    }

    @Test
    void aParticipleSpeaksForTheSentencesSubjectAndANounForTheNameModifyingIt() {
        List<Quote> quotes = quotes("Tom Becker hardly cleared up the matter, treating it as a joke and, when pressed "
                + "after the debate, asserting, \u201cI pay my taxes.\u201d\n\n"
                + "\u201cGrowth will slow next year,\u201d the Unesco report stated.");
        assertQuote(quotes.get(0), "I pay my taxes.", "Tom Becker", "assert");
        assertEquals("Unesco", quotes.get(1).getSpeaker());
    }
}
