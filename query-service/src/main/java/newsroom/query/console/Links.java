package newsroom.query.console;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** A console or JSON API URL with its query: empty parameters are left out, the others encoded. */
final class Links {

    private final StringBuilder url;
    private boolean first = true;

    private Links(String path) {
        this.url = new StringBuilder(path);
    }

    static Links to(String path) {
        return new Links(path);
    }

    Links with(String name, String value) {
        if (value != null && !value.isEmpty()) {
            url.append(first ? '?' : '&').append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            first = false;
        }
        return this;
    }

    Links with(String name, long value) {
        return value == 0 ? this : with(name, Long.toString(value));
    }

    @Override
    public String toString() {
        return url.toString();
    }
}
