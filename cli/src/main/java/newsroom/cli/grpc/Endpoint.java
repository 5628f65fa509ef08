package newsroom.cli.grpc;

import newsroom.cli.UserError;

/**
 * Where one service listens, as the user named it.
 *
 * @param serviceName "ingest-service", for error messages
 * @param target      "host:port"
 */
public record Endpoint(String serviceName, String target) {

    /** Checks that {@code target} is host:port with a valid port. */
    public static Endpoint of(String serviceName, String target) {
        int colon = target.lastIndexOf(':');
        if (colon <= 0 || colon == target.length() - 1) {
            throw new UserError(serviceName + " address: expected host:port, got \"" + target + "\"");
        }
        try {
            int port = Integer.parseInt(target.substring(colon + 1));
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException e) {
            throw new UserError(serviceName + " address: \"" + target.substring(colon + 1)
                    + "\" is not a port number from 1 to 65535");
        }
        return new Endpoint(serviceName, target);
    }

    @Override
    public String toString() {
        return serviceName + " at " + target;
    }
}
