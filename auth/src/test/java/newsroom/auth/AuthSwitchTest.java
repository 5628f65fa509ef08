package newsroom.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AuthSwitchTest {

    private static final List<String> KNOWN = List.of("newsroom.auth.enabled", "newsroom.auth.keys-file",
            "%test.newsroom.auth.keys-file", "NEWSROOM_AUTH_ENABLED", "NEWSROOM_AUTH_KEYS_FILE",
            "_DEV_NEWSROOM_AUTH_ENABLED", "quarkus.index-dependency.auth.artifact-id", "newsroom.nlp.key-file");

    @Test
    void onUnlessTheSwitchSaysExactlyFalse() {
        assertTrue(AuthSwitch.isOn(KNOWN, Optional.empty()));
        assertTrue(AuthSwitch.isOn(KNOWN, Optional.of("true")));
        assertFalse(AuthSwitch.isOn(KNOWN, Optional.of("false")));
        assertFalse(AuthSwitch.isOn(List.of("NEWSROOM_AUTH_ENABLED"), Optional.of(" false ")));
    }

    @Test
    void aMisspeltSettingStopsTheStartNamingTheSwitch() {
        for (String misspelt : List.of("NEWSROOM_AUTH_ENABLE", "quarkus.newsroom.auth.enabld", "newsroom.auth.enable",
                "NEWSROOM_AUTH", "newsroom.authentication.enabled", "NEWSROOMAUTH_ENABLED", "%prod.newsroom.auth.off",
                "QUARKUS_NEWSROOM_AUTH_ENABLED")) {
            List<String> names = new java.util.ArrayList<>(KNOWN);
            names.add(misspelt);
            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> AuthSwitch.isOn(names, Optional.of("true")), misspelt);
            assertEquals("unknown auth setting " + misspelt + ": the only auth settings are newsroom.auth.enabled"
                    + " (NEWSROOM_AUTH_ENABLED), whose exact value false turns authentication off, and"
                    + " newsroom.auth.keys-file (NEWSROOM_AUTH_KEYS_FILE); remove or correct it (see"
                    + " docs/security.md)", refused.getMessage());
        }
    }

    /** A boolean setting would read all of these as false: authentication off by a typo. */
    @Test
    void aValueOtherThanTrueOrFalseStopsTheStart() {
        for (String value : List.of("flase", "no", "0", "off", "False", "")) {
            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> AuthSwitch.isOn(KNOWN, Optional.of(value)), value);
            assertEquals("newsroom.auth.enabled (NEWSROOM_AUTH_ENABLED) is \"" + value.strip() + "\": it takes true"
                    + " or false, and only the exact value false turns authentication off", refused.getMessage());
        }
    }
}
