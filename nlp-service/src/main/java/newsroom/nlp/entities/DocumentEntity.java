package newsroom.nlp.entities;

import java.util.List;

/**
 * One real-world person, organization or place of a document.
 *
 * @param id "e1", "e2", ... in order of salience
 * @param name the fullest name form the document uses
 * @param aliases every other name form, in order of first appearance
 * @param mentions every mention, in order of appearance
 * @param salience in [0, 1]; the most salient entity has 1
 */
public record DocumentEntity(String id, String name, EntityType type, List<String> aliases,
        List<EntityMention> mentions, double salience) {

    public DocumentEntity {
        aliases = List.copyOf(aliases);
        mentions = List.copyOf(mentions);
    }

    /** This entity with further mentions, kept in order of appearance, a span already held counted once. */
    public DocumentEntity withMentions(List<EntityMention> more) {
        if (more.isEmpty()) {
            return this;
        }
        java.util.Map<Long, EntityMention> bySpan = new java.util.TreeMap<>();
        for (EntityMention m : mentions) {
            bySpan.put(((long) m.begin() << 32) | m.end(), m);
        }
        for (EntityMention m : more) {
            bySpan.putIfAbsent(((long) m.begin() << 32) | m.end(), m);
        }
        return new DocumentEntity(id, name, type, aliases, List.copyOf(bySpan.values()), salience);
    }
}
