package newsroom.cli.console;

/**
 * Where a browser reaches the console: query-service serves it on its own port, beside gRPC,
 * over https when the suite speaks TLS.
 */
public final class ConsoleAddress {

    private ConsoleAddress() {
    }

    /** "https://localhost:9093/" for query-service at {@code hostAndPort} ("localhost:9093"). */
    public static String base(String hostAndPort, boolean tls) {
        return (tls ? "https://" : "http://") + hostAndPort + "/";
    }

    /** The full URL of {@code path} ("/sign-in?token=...") on the console at {@code hostAndPort}. */
    public static String of(String hostAndPort, boolean tls, String path) {
        String base = base(hostAndPort, tls);
        return base + (path.startsWith("/") ? path.substring(1) : path);
    }
}
