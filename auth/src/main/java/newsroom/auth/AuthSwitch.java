package newsroom.auth;

import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The one switch that turns authentication off: {@code newsroom.auth.enabled=false}, or
 * its environment form {@code NEWSROOM_AUTH_ENABLED=false}. Anything that looks like an
 * auth setting but is not one of the known names ({@code NEWSROOM_AUTH_ENABLE},
 * {@code quarkus.newsroom.auth.enabld}) stops the service at start, and so does a value
 * other than {@code true} or {@code false}: a misspelt name would be ignored while its
 * author believes it took effect, and the usual boolean reading would take {@code flase},
 * {@code no} or {@code 0} for false and silently turn authentication off.
 */
public final class AuthSwitch {

    public static final String PROPERTY = "newsroom.auth.enabled";
    public static final String VARIABLE = "NEWSROOM_AUTH_ENABLED";
    /** The key file's setting, the other auth setting there is. */
    public static final String KEYS_FILE_PROPERTY = "newsroom.auth.keys-file";
    public static final String KEYS_FILE_VARIABLE = "NEWSROOM_AUTH_KEYS_FILE";

    /** Any spelling of "newsroom auth": property, environment variable, with a prefix or not. */
    private static final Pattern LOOKS_LIKE_AUTH = Pattern.compile("(?i).*newsroom[._-]*auth.*");
    /** A profile's prefix: {@code %test.} on a property, {@code _TEST_} on an environment variable. */
    private static final Pattern PROFILE_PREFIX = Pattern.compile("^(%[^.]+\\.|_[A-Za-z0-9]+_)");

    private AuthSwitch() {
    }

    /**
     * Whether authentication is on.
     *
     * @param settingNames every setting the service sees, properties and environment variables
     * @param enabled      the value of {@link #PROPERTY}, if set
     * @throws IllegalStateException naming a setting that resembles the switch, or a value that is not true or false
     */
    public static boolean isOn(Iterable<String> settingNames, Optional<String> enabled) {
        TreeSet<String> unknown = new TreeSet<>();
        for (String name : settingNames) {
            String unprefixed = PROFILE_PREFIX.matcher(name).replaceFirst("");
            if (LOOKS_LIKE_AUTH.matcher(unprefixed).matches() && !isKnown(unprefixed)) {
                unknown.add(name);
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalStateException("unknown auth setting " + String.join(", ", unknown)
                    + ": the only auth settings are " + PROPERTY + " (" + VARIABLE + "), whose exact value false"
                    + " turns authentication off, and " + KEYS_FILE_PROPERTY + " (" + KEYS_FILE_VARIABLE
                    + "); remove or correct it (see docs/security.md)");
        }
        String value = enabled.map(String::strip).orElse("true");
        if (value.equals("true")) {
            return true;
        }
        if (value.equals("false")) {
            return false;
        }
        throw new IllegalStateException(PROPERTY + " (" + VARIABLE + ") is \"" + value + "\": it takes true or"
                + " false, and only the exact value false turns authentication off");
    }

    private static boolean isKnown(String name) {
        return name.equals(PROPERTY) || name.equals(KEYS_FILE_PROPERTY)
                || name.equals(VARIABLE) || name.equals(KEYS_FILE_VARIABLE);
    }

    /** What a service logs at every start while authentication is off. */
    public static String offWarning() {
        return "AUTHENTICATION IS OFF (" + PROPERTY + "=false / " + VARIABLE + "=false): anyone who reaches this"
                + " port may call every gRPC method. Never run like this outside a private test machine; unset "
                + VARIABLE + " to turn it back on.";
    }
}
