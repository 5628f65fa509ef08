package newsroom.nlp.tone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import newsroom.nlp.text.Tokens;
import org.junit.jupiter.api.Test;

class LexiconSentimentTest {

    private final LexiconSentiment sentiment = new LexiconSentiment();

    @Test
    void diplomaticProgressReadsPositive() {
        Tone tone = sentiment.score(Tokens.of(
                "The/DT talks/NNS/talk had/VBD/have been/VBN/be very/RB productive/JJ and/CC trust/NN is/VBZ/be growing/VBG/grow ./.").tokens());
        assertTrue(tone.score() > 0.3, "score " + tone.score());
        assertTrue(tone.magnitude() > 3);
    }

    @Test
    void violenceReadsNegative() {
        Tone tone = sentiment.score(Tokens.of(
                "An/DT attack/NN killed/VBD/kill ten/CD people/NNS amid/IN the/DT crisis/NN ./.").tokens());
        assertTrue(tone.score() < -0.5, "score " + tone.score());
    }

    @Test
    void negationTurnsTheToneAround() {
        double plain = sentiment.score(Tokens.of("The/DT talks/NNS were/VBD/be productive/JJ ./.").tokens()).score();
        double negated = sentiment.score(Tokens.of("The/DT talks/NNS were/VBD/be not/RB productive/JJ ./.").tokens()).score();
        assertTrue(plain > 0);
        assertTrue(negated < 0);
    }

    @Test
    void neutralTextHasNoTone() {
        Tone tone = sentiment.score(Tokens.of("The/DT minister/NN arrived/VBD/arrive in/IN Islamabad/NNP ./.").tokens());
        assertEquals(0.0, tone.score());
        assertEquals(0.0, tone.magnitude());
    }

    @Test
    void scoreStaysWithinRangeForLongTexts() {
        Tokens tokens = new Tokens();
        for (int i = 0; i < 500; i++) {
            tokens.add("war/NN killed/VBD/kill many/JJ ./.");
        }
        Tone tone = sentiment.score(tokens.tokens());
        assertTrue(tone.score() >= -1 && tone.score() < -0.99);
        assertTrue(tone.magnitude() > 1000);
    }
}
