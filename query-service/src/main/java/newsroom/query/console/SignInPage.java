package newsroom.query.console;

import io.grpc.StatusException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import newsroom.auth.ApiKey;
import newsroom.auth.GrpcAccessControl;
import newsroom.query.http.SessionCallers;

/**
 * Signing in and out of the console: a one-time link ({@code /sign-in?token=...}) or a reader
 * API key typed into the sign-in form opens a session ({@link Sessions}); sign-out ends it. Both
 * forms carry a token a cross-site page cannot know, on top of the SameSite=Strict cookies.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class SignInPage {

    /** What a session's key must be allowed: the console is for readers, like ConsoleService. */
    private static final String CONSOLE_METHOD = "newsroom.query.v1.ConsoleService/CreateSignInLink";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Visits visits;
    private final Sessions sessions;
    private final SignInLinks links;
    private final GrpcAccessControl access;

    SignInPage(Visits visits, Sessions sessions, SignInLinks links, GrpcAccessControl access) {
        this.visits = visits;
        this.sessions = sessions;
        this.links = links;
        this.access = access;
    }

    @GET
    @Path("sign-in")
    public Response show(@QueryParam("token") String token, @Context HttpServerRequest http) {
        if (!visits.needSignIn()) {
            return toConsole();
        }
        if (token == null) {
            return form(http, 200, "");
        }
        SignInLinks.Redemption redemption = links.redeem(token);
        if (redemption.refusal().isPresent()) {
            return form(http, 400, redemption.refusal().get().message());
        }
        String keyHash = redemption.keyHash().orElseThrow();
        if (access.callerOfKeyHash(keyHash).isEmpty()) {
            return form(http, 400, "The API key this link was made for has been revoked, or authentication was"
                    + " switched on after it was made. Sign in with a current reader key.");
        }
        return signedIn(sessions.open(keyHash), http);
    }

    @POST
    @Path("sign-in")
    @jakarta.ws.rs.Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signIn(@FormParam("key") String key, @FormParam("csrf") String csrf,
                           @CookieParam(Visits.SIGN_IN_COOKIE) String nonce, @Context HttpServerRequest http) {
        if (!visits.needSignIn()) {
            return toConsole();
        }
        if (nonce == null || !Sessions.sameToken(sessions.signInFormToken(nonce), csrf)) {
            return form(http, 403, "The sign-in form had expired or came from another site. Sign in again with"
                    + " this form.");
        }
        if (key == null || key.isBlank()) {
            return form(http, 400, "key: paste a reader API key (`newsroom credentials issue --role reader`"
                    + " issues one), or open a link from `newsroom console`.");
        }
        try {
            access.admit("Bearer " + key.strip(), CONSOLE_METHOD);
        } catch (StatusException e) {
            return form(http, e.getStatus().getCode() == io.grpc.Status.Code.PERMISSION_DENIED ? 403 : 401,
                    "key: " + e.getStatus().getDescription());
        }
        return signedIn(sessions.open(ApiKey.hash(key.strip())), http);
    }

    @POST
    @Path("sign-out")
    @jakarta.ws.rs.Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signOut(@FormParam("csrf") String csrf, @CookieParam(SessionCallers.COOKIE) String cookie,
                            @Context HttpServerRequest http) {
        Optional<Sessions.Session> session = cookie == null ? Optional.empty() : sessions.resume(cookie);
        if (session.isEmpty()) {
            return Response.seeOther(URI.create("/sign-in")).cookie(visits.clearedSessionCookie(http.isSSL())).build();
        }
        if (!Sessions.sameToken(sessions.formToken(session.get()), csrf)) {
            return Response.status(403).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .entity(ConsoleTemplates.error(new Views.Chrome("Error 403", true, sessions.formToken(session.get())),
                            403, "The sign-out form came from another site or an old page; use the Sign out button"
                                    + " of a console page.").render())
                    .build();
        }
        sessions.signOut(session.get());
        return Response.seeOther(URI.create("/sign-in")).cookie(visits.clearedSessionCookie(http.isSSL())).build();
    }

    private Response signedIn(String sessionValue, HttpServerRequest http) {
        NewCookie spent = new NewCookie.Builder(Visits.SIGN_IN_COOKIE).value("").path("/sign-in").maxAge(0)
                .httpOnly(true).secure(http.isSSL()).sameSite(NewCookie.SameSite.STRICT).build();
        return Response.seeOther(URI.create("/search")).cookie(visits.sessionCookie(sessionValue, http.isSSL()), spent)
                .header("Cache-Control", "no-store").build();
    }

    /** The sign-in form, with a fresh nonce cookie and the form token bound to it. */
    private Response form(HttpServerRequest http, int status, String message) {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        String nonce = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        String page = ConsoleTemplates.signIn(new Views.Chrome("Sign in", false, ""), sessions.signInFormToken(nonce),
                message).render();
        return Response.status(status).entity(page).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .cookie(visits.signInCookie(nonce, http.isSSL())).header("Cache-Control", "no-store").build();
    }

    private static Response toConsole() {
        return Response.seeOther(URI.create("/search")).build();
    }
}
