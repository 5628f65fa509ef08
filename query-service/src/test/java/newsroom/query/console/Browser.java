package newsroom.query.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A test's browser: keeps the cookies the console sets (by name, as a browser on one site
 * does) and sends them back; follows no redirect, so tests see each answer.
 */
final class Browser {

    private static final Pattern HIDDEN_CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]*)\"");

    private final URI server;
    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    final Map<String, String> cookies = new LinkedHashMap<>();

    Browser(URI server) {
        this.server = server;
    }

    HttpResponse<String> get(String pathAndQuery) {
        return send(HttpRequest.newBuilder(server.resolve(pathAndQuery)).GET());
    }

    HttpResponse<String> post(String path, Map<String, String> form) {
        StringBuilder body = new StringBuilder();
        form.forEach((name, value) -> body.append(body.isEmpty() ? "" : "&").append(name).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return send(HttpRequest.newBuilder(server.resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    /** The Set-Cookie header of the answer for the cookie {@code name}. */
    static Optional<String> setCookie(HttpResponse<?> response, String name) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "=")).findFirst();
    }

    /** The token of the first form on a page. */
    static String formToken(String page) {
        Matcher matcher = HIDDEN_CSRF.matcher(page);
        if (!matcher.find()) {
            throw new AssertionError("no form token on the page:\n" + page);
        }
        return matcher.group(1);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        if (!cookies.isEmpty()) {
            request.header("Cookie", String.join("; ", cookies.entrySet().stream()
                    .map(cookie -> cookie.getKey() + "=" + cookie.getValue()).toList()));
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            remember(response.headers().allValues("Set-Cookie"));
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void remember(List<String> setCookies) {
        for (String setCookie : setCookies) {
            String pair = setCookie.split(";", 2)[0];
            int equals = pair.indexOf('=');
            String name = pair.substring(0, equals).strip();
            String value = pair.substring(equals + 1).strip();
            boolean expired = setCookie.toLowerCase().contains("max-age=0");
            if (expired || value.isEmpty()) {
                cookies.remove(name);
            } else {
                cookies.put(name, value);
            }
        }
    }
}
