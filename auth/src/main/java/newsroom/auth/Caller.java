package newsroom.auth;

import io.grpc.Context;
import java.util.Set;

/**
 * Who is calling: the name a key was issued under and its roles.
 *
 * @param name  the key's name from the key file ("newsroom-cli", "ingest-service")
 * @param roles what it may do
 */
public record Caller(String name, Set<Role> roles) {

    /** The authenticated caller of the current call, set by {@link CallerAuthenticator}. */
    public static final Context.Key<Caller> CURRENT = Context.key("newsroom-caller");

    public Caller {
        roles = Set.copyOf(roles);
    }
}
