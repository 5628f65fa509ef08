package newsroom.cli.run;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class PortCheckTest {

    @Test
    void aFreePortLiesBelowTheEphemeralRangeAndCanBeBound() throws Exception {
        int port = PortCheck.freePort();

        assertTrue(port < PortCheck.ephemeralStart(), port + " is below " + PortCheck.ephemeralStart());
        try (ServerSocket server = new ServerSocket()) {
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(port));
            assertFalse(PortCheck.isFree(port), "a port with a listener is not free");
        }
        assertTrue(PortCheck.isFree(port));
    }
}
