package newsroom.cli.run;

import java.util.Map;
import newsroom.cli.UserError;

/** Reads settings from environment variables, with a clear error for a malformed one. */
final class EnvironmentValues {

    private EnvironmentValues() {
    }

    static int port(Map<String, String> environment, String variable, int defaultPort) {
        String value = environment.get(variable);
        if (value == null || value.isBlank()) {
            return defaultPort;
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new UserError(variable + ": must be a port number from 1 to 65535, not \"" + value + "\"");
        }
    }

    static String text(Map<String, String> environment, String variable, String defaultValue) {
        String value = environment.get(variable);
        return value == null || value.isBlank() ? defaultValue : value;
    }
}
