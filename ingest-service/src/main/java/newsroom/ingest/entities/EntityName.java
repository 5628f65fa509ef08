package newsroom.ingest.entities;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import newsroom.nlp.v1.Entity;
import newsroom.nlp.v1.Mention;

/**
 * A document-level entity to resolve to a global one.
 *
 * @param type    the name of its {@code newsroom.nlp.v1.Entity.Type} ("PERSON")
 * @param name    its canonical name in the document, the fullest form
 * @param aliases the other names the document uses for it
 */
public record EntityName(String type, String name, List<String> aliases) {

    public EntityName {
        aliases = List.copyOf(aliases);
    }

    /**
     * The names of an analysed entity. Role phrases among its aliases ("the
     * Russian foreign minister", "his Russian counterpart": the aliases the
     * document also holds as NOMINAL mentions) are left out: they name the
     * person only within that document, and as global aliases they would tie
     * next year's foreign minister to this one.
     */
    public static EntityName of(Entity entity) {
        Set<String> rolePhrases = entity.getMentionsList().stream()
                .filter(m -> m.getKind() == Mention.Kind.NOMINAL)
                .map(m -> key(m.getText()))
                .collect(Collectors.toSet());
        String type = entity.getType() == Entity.Type.UNRECOGNIZED
                ? Entity.Type.TYPE_UNSPECIFIED.name()
                : entity.getType().name();
        return new EntityName(type, entity.getName(),
                entity.getAliasesList().stream().filter(alias -> !rolePhrases.contains(key(alias))).toList());
    }

    private static String key(String phrase) {
        return phrase.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
