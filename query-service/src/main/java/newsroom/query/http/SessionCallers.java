package newsroom.query.http;

import java.util.Optional;
import newsroom.auth.Caller;

/**
 * Who a console session cookie signs in as, for HTTP requests that carry no Authorization
 * header: the JSON API accepts the console's session so that the console's CSV links work.
 */
public interface SessionCallers {

    /** The cookie that holds a console session. */
    String COOKIE = "newsroom_session";

    /** The caller of a live session, empty when the value is unknown, expired or its key revoked. */
    Optional<Caller> callerOfSession(String cookieValue);
}
