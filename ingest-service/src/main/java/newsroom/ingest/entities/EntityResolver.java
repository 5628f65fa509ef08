package newsroom.ingest.entities;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import newsroom.store.NameKey;

/**
 * Finds, or creates, the global entity a document entity stands for, so that
 * "Lavrov" in one article and "Sergey Lavrov" in another are one entity.
 *
 * <p>All names are compared by their {@link NameKey}. For a document entity of
 * a given type, in this order:
 * <ol>
 *   <li>an entity whose canonical name has the same key;</li>
 *   <li>else an entity already seen under that name (an alias with that key).
 *       When several are, the most mentioned wins, except for a one-word
 *       PERSON name: "Petrov" known as an alias of both "Ivan Petrov" and
 *       "Olga Petrov" is ambiguous, so it becomes (or stays) an entity of its
 *       own; with exactly one candidate it joins it;</li>
 *   <li>else an entity whose canonical name is a shorter form the document
 *       also uses ("Lavrov", stored from an article that never gave the full
 *       name, now seen as "Sergey Lavrov"), the most mentioned first. A
 *       one-word PERSON entity that was kept apart because it is ambiguous is
 *       not taken this way;</li>
 *   <li>else a new entity.</li>
 * </ol>
 * A matched entity whose canonical name is a shorter part of the document's
 * name takes the fuller name, unless another entity of its type has it. Every
 * form the document uses becomes an alias of the entity.
 */
@ApplicationScoped
public class EntityResolver {

    private static final String PERSON = "PERSON";

    private final EntityCatalog catalog;

    public EntityResolver(EntityCatalog catalog) {
        this.catalog = catalog;
    }

    /** The global entity's id; empty when the name has no letters or digits to match by. */
    public OptionalLong resolve(EntityName entity) {
        String key = NameKey.of(entity.name());
        if (key.isEmpty()) {
            return OptionalLong.empty();
        }
        Optional<KnownEntity> match = match(entity, key);
        long id;
        if (match.isPresent()) {
            id = match.get().id();
            if (isFullerForm(key, match.get().nameKey())) {
                catalog.renameUnlessTaken(id, entity.type(), entity.name(), key);
            }
        } else {
            id = catalog.createOrFind(entity.type(), entity.name(), key);
        }
        catalog.addAlias(id, entity.name(), key);
        for (String alias : entity.aliases()) {
            String aliasKey = NameKey.of(alias);
            if (!aliasKey.isEmpty()) {
                catalog.addAlias(id, alias, aliasKey);
            }
        }
        return OptionalLong.of(id);
    }

    private Optional<KnownEntity> match(EntityName entity, String key) {
        Optional<KnownEntity> exact = catalog.withNameKey(entity.type(), key);
        if (exact.isPresent()) {
            return exact;
        }
        List<KnownEntity> knownAs = catalog.knownAs(entity.type(), key);
        if (!knownAs.isEmpty()) {
            boolean ambiguous = knownAs.size() > 1 && isOneWordPerson(entity.type(), key);
            return ambiguous ? Optional.empty() : Optional.of(knownAs.get(0));
        }
        Set<String> shorterKeys = new LinkedHashSet<>();
        for (String alias : entity.aliases()) {
            String aliasKey = NameKey.of(alias);
            if (isFullerForm(key, aliasKey)) {
                shorterKeys.add(aliasKey);
            }
        }
        if (shorterKeys.isEmpty()) {
            return Optional.empty();
        }
        return catalog.withNameKeys(entity.type(), shorterKeys).stream()
                .filter(shorter -> !keptApartAsAmbiguous(entity.type(), shorter))
                .findFirst();
    }

    /** A one-word person stored on its own while other entities also go by that word. */
    private boolean keptApartAsAmbiguous(String type, KnownEntity shorter) {
        return isOneWordPerson(type, shorter.nameKey())
                && catalog.knownAs(type, shorter.nameKey()).stream().anyMatch(other -> other.id() != shorter.id());
    }

    private static boolean isOneWordPerson(String type, String key) {
        return PERSON.equals(type) && tokenCount(key) == 1;
    }

    /** True when {@code longer} has more words than {@code shorter} and contains it word for word. */
    static boolean isFullerForm(String longer, String shorter) {
        return !shorter.isEmpty() && tokenCount(longer) > tokenCount(shorter)
                && (" " + longer + " ").contains(" " + shorter + " ");
    }

    private static int tokenCount(String key) {
        return key.isEmpty() ? 0 : key.split(" ").length;
    }
}
