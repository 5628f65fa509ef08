package newsroom.cli.grpc;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;
import newsroom.cli.UserError;

/**
 * Where one service listens, as the user named it.
 *
 * @param serviceName "ingest-service", for error messages
 * @param target      "host:port"
 */
public record Endpoint(String serviceName, String target) {

    /** An IPv4 or IPv6 address written out, which names a machine without asking DNS. */
    private static final Pattern ADDRESS_LITERAL = Pattern.compile("[0-9.]+|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

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

    /**
     * Whether the service is on this machine: {@code localhost}, 127.0.0.0/8 or {@code [::1]}.
     * Other names count as remote without asking DNS, whose answer could change before the call.
     */
    public boolean isLoopback() {
        String host = target.substring(0, target.lastIndexOf(':'));
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (!ADDRESS_LITERAL.matcher(host).matches()) {
            return false;
        }
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return serviceName + " at " + target;
    }
}
