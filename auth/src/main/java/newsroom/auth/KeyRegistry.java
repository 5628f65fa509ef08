package newsroom.auth;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The keys a service accepts, parsed from a key file. One key per line:
 * <pre>
 * # comment
 * &lt;sha-256 of the key, 64 hex digits&gt; &lt;role&gt;[,&lt;role&gt;...] &lt;name&gt;
 * </pre>
 * for example {@code 9f86d0…0f00a08 reader,writer newsroom-cli}. Removing a line revokes
 * the key.
 */
public final class KeyRegistry {

    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._@-]{1,100}");

    /** Accepts no key: what a key file that cannot be read or parsed stands for. */
    public static final KeyRegistry EMPTY = new KeyRegistry(Map.of());

    private final Map<String, Caller> callersByHash;

    private KeyRegistry(Map<String, Caller> callersByHash) {
        this.callersByHash = Map.copyOf(callersByHash);
    }

    /**
     * @param source where the lines come from, for error messages
     * @throws IllegalArgumentException naming the line that is not a key entry
     */
    public static KeyRegistry parse(List<String> lines, String source) {
        Map<String, Caller> callers = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String where = source + " line " + (i + 1);
            String[] fields = line.split("\\s+");
            if (fields.length != 3 || !HASH.matcher(fields[0]).matches() || !NAME.matcher(fields[2]).matches()) {
                throw new IllegalArgumentException(where + ": expected \"<sha-256 hex of the key> <role>[,<role>] <name>\"");
            }
            Set<Role> roles = EnumSet.noneOf(Role.class);
            for (String role : fields[1].split(",")) {
                try {
                    roles.add(Role.ofLabel(role));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
                }
            }
            callers.put(fields[0], new Caller(fields[2], roles));
        }
        return new KeyRegistry(callers);
    }

    /** The line that admits {@code key} with {@code roles} under {@code name}. */
    public static String entry(String key, Set<Role> roles, String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("key name \"" + name
                    + "\": use 1 to 100 letters, digits and . _ @ -");
        }
        StringBuilder roleList = new StringBuilder();
        for (Role role : EnumSet.copyOf(roles)) {
            roleList.append(roleList.isEmpty() ? "" : ",").append(role.label());
        }
        return ApiKey.hash(key) + " " + roleList + " " + name;
    }

    /** The caller holding {@code key}, if the key is listed. */
    public Optional<Caller> callerOf(String key) {
        return Optional.ofNullable(callersByHash.get(ApiKey.hash(key)));
    }

    /**
     * The caller whose key has this SHA-256 hex hash ({@link ApiKey#hash}), if the key is still
     * listed: what a console session holds instead of the key itself.
     */
    public Optional<Caller> callerOfHash(String keyHash) {
        return Optional.ofNullable(callersByHash.get(keyHash));
    }

    public int size() {
        return callersByHash.size();
    }
}
