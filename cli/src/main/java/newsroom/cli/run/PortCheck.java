package newsroom.cli.run;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/** Finds out before starting anything whether a port is already taken. */
public final class PortCheck {

    /** Where Linux keeps the range it takes outgoing connections' local ports from. */
    private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    /** The start of that range where the file is missing (Linux's default; BSDs and macOS start higher). */
    private static final int DEFAULT_EPHEMERAL_START = 32768;
    /** Free ports are drawn from here up to the ephemeral range: above the well-known services. */
    private static final int LOWEST_DRAWN = 20000;
    private static final int DRAWS = 200;

    private PortCheck() {
    }

    /** True when nothing listens on {@code port} (on any interface). */
    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * A port nothing listens on now, for tests and throw-away suites.
     *
     * <p>It lies below the kernel's ephemeral range, because a server stopped and started again
     * on its port (a crash test's stand-in) must find the port still free: an ephemeral port
     * can meanwhile become the local end of any outgoing connection, including a client's
     * retry to that very port, which Linux may connect to itself while nothing listens.
     */
    public static int freePort() throws IOException {
        int ephemeralStart = ephemeralStart();
        if (ephemeralStart - LOWEST_DRAWN > DRAWS) {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            for (int draw = 0; draw < DRAWS; draw++) {
                int port = random.nextInt(LOWEST_DRAWN, ephemeralStart);
                if (isFree(port)) {
                    return port;
                }
            }
        }
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    /** The first port of the kernel's ephemeral range. */
    static int ephemeralStart() {
        try {
            // readAllLines, not readString: a /proc file reports size 0, and readString read one byte of it.
            String[] range = Files.readAllLines(EPHEMERAL_RANGE).get(0).trim().split("\\s+");
            return Integer.parseInt(range[0]);
        } catch (IOException | RuntimeException e) {
            return DEFAULT_EPHEMERAL_START;
        }
    }
}
