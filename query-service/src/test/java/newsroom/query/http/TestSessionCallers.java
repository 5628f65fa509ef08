package newsroom.query.http;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.util.Optional;
import java.util.Set;
import newsroom.auth.Caller;
import newsroom.auth.Role;

/**
 * Console sessions for {@link ConsoleSessionApiTest} only (enabled by its profile): two fixed
 * session values, one of a reader and one of a writer; every other value is no session.
 */
@Alternative
@ApplicationScoped
public class TestSessionCallers implements SessionCallers {

    static final String READER_SESSION = "reader-session-value";
    static final String WRITER_SESSION = "writer-session-value";

    @Override
    public Optional<Caller> callerOfSession(String cookieValue) {
        return switch (cookieValue) {
            case READER_SESSION -> Optional.of(new Caller("console-reader", Set.of(Role.READER)));
            case WRITER_SESSION -> Optional.of(new Caller("console-writer", Set.of(Role.WRITER)));
            default -> Optional.empty();
        };
    }
}
