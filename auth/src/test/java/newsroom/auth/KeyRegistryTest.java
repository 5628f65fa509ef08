package newsroom.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KeyRegistryTest {

    @Test
    void anIssuedKeyIsKnownWithItsRolesAndNothingElseIs() {
        String key = ApiKey.generate();
        KeyRegistry registry = KeyRegistry.parse(List.of(
                "# keys of the test",
                "",
                KeyRegistry.entry(key, EnumSet.of(Role.READER, Role.WRITER), "analyst-1")), "test");

        Caller caller = registry.callerOf(key).orElseThrow();
        assertEquals("analyst-1", caller.name());
        assertEquals(Set.of(Role.READER, Role.WRITER), caller.roles());
        assertTrue(registry.callerOf(ApiKey.generate()).isEmpty());
        assertTrue(registry.callerOf(key + "x").isEmpty());
        assertTrue(registry.callerOf("").isEmpty());
    }

    @Test
    void theFileHoldsOnlyTheHashNeverTheKey() {
        String key = ApiKey.generate();
        String entry = KeyRegistry.entry(key, Set.of(Role.READER), "reader-1");
        assertTrue(!entry.contains(key.substring(ApiKey.PREFIX.length())), entry);
        assertEquals(ApiKey.hash(key) + " reader reader-1", entry);
        assertNotEquals(ApiKey.generate(), ApiKey.generate());
    }

    @Test
    void aMalformedLineIsNamed() {
        IllegalArgumentException badRole = assertThrows(IllegalArgumentException.class, () -> KeyRegistry.parse(
                List.of("# ok", "a".repeat(64) + " admin someone"), "keys"));
        assertEquals("keys line 2: unknown role \"admin\"; the roles are writer, reader, analyzer", badRole.getMessage());
        IllegalArgumentException plainKey = assertThrows(IllegalArgumentException.class, () -> KeyRegistry.parse(
                List.of("nrk_abc reader someone"), "keys"));
        assertTrue(plainKey.getMessage().startsWith("keys line 1: expected"), plainKey.getMessage());
        assertThrows(IllegalArgumentException.class, () -> KeyRegistry.entry("k", Set.of(Role.READER), "a name"));
    }
}
