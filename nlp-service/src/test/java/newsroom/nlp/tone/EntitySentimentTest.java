package newsroom.nlp.tone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import newsroom.nlp.entities.DocumentEntity;
import newsroom.nlp.entities.EntityMention;
import newsroom.nlp.entities.EntityType;
import newsroom.nlp.entities.MentionKind;
import newsroom.nlp.text.Tokens;
import org.junit.jupiter.api.Test;

class EntitySentimentTest {

    private static DocumentEntity entity(String id, String name, Tokens text, MentionKind kind) {
        List<EntityMention> mentions = new ArrayList<>();
        for (int at = text.text().indexOf(name); at >= 0; at = text.text().indexOf(name, at + 1)) {
            mentions.add(new EntityMention(name, at, at + name.length(), kind));
        }
        return new DocumentEntity(id, name, EntityType.GPE, List.of(), mentions, 1.0);
    }

    @Test
    void eachEntityTakesTheToneOfTheSentencesThatMentionIt() {
        Tokens text = Tokens.of("Pakistan/NNP praised/VBD/praise the/DT very/RB productive/JJ talks/NNS ./. "
                + "Rebels/NNS attacked/VBD/attack Kabul/NNP and/CC killed/VBD/kill ten/CD ./. "
                + "The/DT minister/NN did/VBD not/RB agree/VB ./.");
        Map<String, Tone> tone = new EntitySentiment().score(List.of(
                entity("e1", "Pakistan", text, MentionKind.NAME), entity("e2", "Kabul", text, MentionKind.NAME),
                entity("e3", "The minister", text, MentionKind.NOMINAL), entity("e4", "Moscow", text, MentionKind.NAME)),
                text.sentences());
        assertTrue(tone.get("e1").score() > 0.3, tone.get("e1").toString());
        assertTrue(tone.get("e2").score() < -0.3, tone.get("e2").toString());
        assertTrue(tone.get("e3").score() < 0, "a negated positive word: " + tone.get("e3"));
        assertEquals(new Tone(0, 0), tone.get("e4"), "no mention, no tone");
    }

    @Test
    void aSentenceNamingAnEntityTwiceCountsOnce() {
        Tokens once = Tokens.of("Kabul/NNP welcomed/VBD/welcome the/DT ceasefire/NN ./.");
        Tokens twice = Tokens.of("Kabul/NNP welcomed/VBD/welcome the/DT ceasefire/NN in/IN Kabul/NNP ./.");
        Tone one = new EntitySentiment().score(List.of(entity("e1", "Kabul", once, MentionKind.NAME)),
                once.sentences()).get("e1");
        Tone two = new EntitySentiment().score(List.of(entity("e1", "Kabul", twice, MentionKind.NAME)),
                twice.sentences()).get("e1");
        assertEquals(one, two);
    }
}
