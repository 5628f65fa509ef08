package newsroom.query.console;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.NewCookie;
import java.util.Optional;
import newsroom.auth.Caller;
import newsroom.auth.GrpcAccessControl;
import newsroom.query.http.SessionCallers;

/**
 * Who is looking at a console page: the caller of the request's session, or nobody needed
 * when authentication is off. The one place pages ask, so every page is behind the same check.
 */
@ApplicationScoped
public class Visits {

    /** The sign-in form's cookie: a nonce its form token is bound to. */
    static final String SIGN_IN_COOKIE = "newsroom_sign_in";

    /**
     * A page request that may be answered.
     *
     * @param caller    the session's caller; empty when authentication is off
     * @param session   the session; empty when authentication is off
     * @param refreshed the session cookie as of now, to set on the answer (restarts the idle time)
     */
    public record Visit(Optional<Caller> caller, Optional<Sessions.Session> session, Optional<NewCookie> refreshed) {
    }

    private final Sessions sessions;
    private final GrpcAccessControl access;

    Visits(Sessions sessions, GrpcAccessControl access) {
        this.sessions = sessions;
        this.access = access;
    }

    /** Whether pages need a session: false only with authentication off. */
    public boolean needSignIn() {
        return access.authenticates();
    }

    /** The visit of a request with this session cookie (null when none); empty when it must sign in first. */
    public Optional<Visit> visit(String sessionCookie, boolean tls) {
        if (!needSignIn()) {
            return Optional.of(new Visit(Optional.empty(), Optional.empty(), Optional.empty()));
        }
        if (sessionCookie == null) {
            return Optional.empty();
        }
        return sessions.resume(sessionCookie).map(session -> new Visit(Optional.of(session.caller()),
                Optional.of(session), Optional.of(sessionCookie(sessions.refreshed(session), tls))));
    }

    /** The token the session's forms (sign-out) carry. */
    public String formToken(Sessions.Session session) {
        return sessions.formToken(session);
    }

    /** The session cookie: HttpOnly, SameSite=Strict, Secure over TLS, for the whole site, for the idle time. */
    NewCookie sessionCookie(String value, boolean tls) {
        return cookie(SessionCallers.COOKIE, value, "/", (int) sessions.idleTimeout().toSeconds(), tls);
    }

    /** A cookie that ends the session in the browser. */
    NewCookie clearedSessionCookie(boolean tls) {
        return cookie(SessionCallers.COOKIE, "", "/", 0, tls);
    }

    /** The sign-in form's nonce cookie, sent back only to the sign-in page and only from this site. */
    NewCookie signInCookie(String nonce, boolean tls) {
        return cookie(SIGN_IN_COOKIE, nonce, "/sign-in", 3600, tls);
    }

    private static NewCookie cookie(String name, String value, String path, int maxAge, boolean tls) {
        return new NewCookie.Builder(name).value(value).path(path).maxAge(maxAge).httpOnly(true).secure(tls)
                .sameSite(NewCookie.SameSite.STRICT).build();
    }
}
