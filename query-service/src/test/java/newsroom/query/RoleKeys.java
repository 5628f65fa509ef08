package newsroom.query;

import jakarta.enterprise.context.ApplicationScoped;
import newsroom.testkeys.TestKeysResource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** This run's client keys ({@link TestKeysResource}), for tests that call as a given role. */
@ApplicationScoped
public class RoleKeys {

    @ConfigProperty(name = TestKeysResource.ALL_ROLES_KEY)
    String allRoles;

    @ConfigProperty(name = TestKeysResource.READER_KEY)
    String reader;

    @ConfigProperty(name = TestKeysResource.WRITER_KEY)
    String writer;

    /** The key of a client holding every role. */
    public String allRoles() {
        return allRoles;
    }

    /** The key of a client with the reader role only. */
    public String reader() {
        return reader;
    }

    /** The key of a client with the writer role only. */
    public String writer() {
        return writer;
    }
}
