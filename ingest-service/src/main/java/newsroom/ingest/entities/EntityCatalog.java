package newsroom.ingest.entities;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The global entities and their aliases, as {@link EntityResolver} needs to read and grow them. */
public interface EntityCatalog {

    /** The entity of {@code type} whose canonical name has {@code nameKey}. */
    Optional<KnownEntity> withNameKey(String type, String nameKey);

    /** Entities of {@code type} seen under a form with {@code aliasKey}, most mentioned first. */
    List<KnownEntity> knownAs(String type, String aliasKey);

    /** Entities of {@code type} whose canonical name has one of {@code nameKeys}, most mentioned first. */
    List<KnownEntity> withNameKeys(String type, Collection<String> nameKeys);

    /**
     * Creates the entity, or finds it when another transaction created it first;
     * never makes two entities of one type and name key.
     *
     * @return the entity's id
     */
    long createOrFind(String type, String name, String nameKey);

    /** Makes {@code name} the entity's canonical name, unless another entity of its type has that key. */
    void renameUnlessTaken(long entityId, String type, String name, String nameKey);

    /** Records that the entity goes by {@code alias}; nothing happens when it is known already. */
    void addAlias(long entityId, String alias, String aliasKey);
}
