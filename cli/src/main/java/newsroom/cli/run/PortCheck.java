package newsroom.cli.run;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Finds out before starting anything whether a port is already taken. */
public final class PortCheck {

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

    /** A port nothing listens on now, for tests and throw-away suites. */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}
