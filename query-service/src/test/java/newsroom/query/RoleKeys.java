package newsroom.query;

import newsroom.testkeys.TestKeysResource;
import org.eclipse.microprofile.config.ConfigProvider;

/** This run's client keys ({@link TestKeysResource}), for tests that call as a given role. */
public final class RoleKeys {

    private RoleKeys() {
    }

    /** The key of a client holding every role. */
    public static String allRoles() {
        return key(TestKeysResource.ALL_ROLES_KEY);
    }

    /** The key of a client with the reader role only. */
    public static String reader() {
        return key(TestKeysResource.READER_KEY);
    }

    /** The key of a client with the writer role only. */
    public static String writer() {
        return key(TestKeysResource.WRITER_KEY);
    }

    private static String key(String setting) {
        return ConfigProvider.getConfig().getValue(setting, String.class);
    }
}
