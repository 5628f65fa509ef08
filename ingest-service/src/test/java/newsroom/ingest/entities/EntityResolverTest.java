package newsroom.ingest.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import newsroom.store.StoredAlias;
import newsroom.store.StoredEntity;
import org.junit.jupiter.api.Test;

/** Entity resolution against the real entity tables; every test uses names of its own. */
@QuarkusTest
class EntityResolverTest {

    @Inject
    EntityResolver resolver;

    @Test
    void aSurnameJoinsTheOnlyPersonKnownByIt() {
        long full = resolve("PERSON", "Anna Volkova", "Volkova");
        assertEquals(full, resolve("PERSON", "Volkova"));
        assertEquals(full, resolve("PERSON", "ANNA VOLKOVA"));
        assertEquals("Anna Volkova", entity(full).name);
    }

    @Test
    void aSurnameSharedByTwoPeopleStaysAnEntityOfItsOwn() {
        long ivan = resolve("PERSON", "Ivan Petrenko", "Petrenko");
        long olga = resolve("PERSON", "Olga Petrenko", "Petrenko");
        long petrenko = resolve("PERSON", "Petrenko");

        assertNotEquals(ivan, olga);
        assertNotEquals(ivan, petrenko);
        assertNotEquals(olga, petrenko);
        assertEquals(petrenko, resolve("PERSON", "Petrenko"));
        // Nor does a third full name take over the ambiguous surname's entity.
        assertNotEquals(petrenko, resolve("PERSON", "Boris Petrenko", "Petrenko"));
        assertEquals("Petrenko", entity(petrenko).name);
    }

    @Test
    void aFullerNameUpgradesAnEntityFirstSeenUnderAShortOne() {
        long gromov = resolve("PERSON", "Gromov");
        assertEquals("Gromov", entity(gromov).name);

        assertEquals(gromov, resolve("PERSON", "Yuri Gromov", "Gromov"));

        StoredEntity upgraded = entity(gromov);
        assertEquals("Yuri Gromov", upgraded.name);
        assertEquals("yuri gromov", upgraded.nameKey);
        assertEquals(Set.of("gromov", "yuri gromov"), aliasKeys(gromov));
        assertEquals(gromov, resolve("PERSON", "Gromov"));
    }

    @Test
    void otherTypesJoinTheMostMentionedEntityKnownByAnAlias() {
        long nations = resolve("ORGANIZATION", "United Nations Organisation Test", "UNOT");
        assertEquals(nations, resolve("ORGANIZATION", "UNOT"));
        // The same name of another type is another entity.
        assertNotEquals(nations, resolve("GPE", "UNOT"));
    }

    @Test
    void diacriticsAndCaseDoNotSplitAnEntity() {
        long first = resolve("PERSON", "Binali Yıldırımtest");
        assertEquals(first, resolve("PERSON", "BINALI YILDIRIMTEST"));
        assertEquals(first, resolve("PERSON", "Binali Yildirimtest"));
    }

    private long resolve(String type, String name, String... aliases) {
        return QuarkusTransaction.requiringNew()
                .call(() -> resolver.resolve(new EntityName(type, name, List.of(aliases))).getAsLong());
    }

    private static StoredEntity entity(long id) {
        return QuarkusTransaction.requiringNew().call(() -> StoredEntity.<StoredEntity>findById(id));
    }

    private static Set<String> aliasKeys(long id) {
        return QuarkusTransaction.requiringNew().call(() -> StoredAlias.<StoredAlias>list("key.entityId", id)
                .stream().map(alias -> alias.key.aliasKey()).collect(Collectors.toSet()));
    }
}
