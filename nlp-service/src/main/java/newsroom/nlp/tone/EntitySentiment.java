package newsroom.nlp.tone;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import newsroom.nlp.entities.DocumentEntity;
import newsroom.nlp.entities.EntityMention;
import newsroom.nlp.text.Sentence;
import newsroom.nlp.text.Token;

/**
 * The tone around each entity: the document lexicon ({@link LexiconSentiment})
 * applied to the sentences that mention the entity, each sentence counted
 * once however often it names the entity. The tone of a sentence is shared by
 * every entity it mentions: "Russia and Pakistan condemned the attack" reads
 * negative for both countries. That is the limit of reading words, not
 * structure; it still separates the entity reported amid conflict from the
 * one reported amid agreement.
 *
 * <p>Input: the entities with all their mentions and the document's sentences.
 * Output: a sentiment per entity id; an entity with no mention in any
 * sentence gets the neutral score 0 with magnitude 0.
 */
public final class EntitySentiment {

    private final LexiconSentiment lexicon = new LexiconSentiment();

    public Map<String, Tone> score(List<DocumentEntity> entities, List<Sentence> sentences) {
        Map<String, Tone> byEntity = new LinkedHashMap<>();
        for (DocumentEntity entity : entities) {
            TreeSet<Integer> mentioning = new TreeSet<>();
            for (EntityMention m : entity.mentions()) {
                for (Sentence s : sentences) {
                    if (s.begin() <= m.begin() && m.end() <= s.end()) {
                        mentioning.add(s.index());
                    }
                }
            }
            List<Token> tokens = new ArrayList<>();
            mentioning.forEach(i -> tokens.addAll(sentences.get(i).tokens()));
            byEntity.put(entity.id(), tokens.isEmpty() ? new Tone(0, 0) : lexicon.score(tokens));
        }
        return byEntity;
    }
}
