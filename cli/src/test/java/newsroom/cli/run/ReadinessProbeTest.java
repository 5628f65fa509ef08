package newsroom.cli.run;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The probe reads /q/health/ready on the port it is given: the service's admin port. */
class ReadinessProbeTest {

    private final ReadinessProbe probe = new ReadinessProbe();

    @Test
    void readyWhenTheAdminPortAnswers200AndNotOtherwise() throws Exception {
        AtomicInteger status = new AtomicInteger(503);
        HttpServer admin = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        admin.createContext("/q/health/ready", exchange -> {
            exchange.sendResponseHeaders(status.get(), -1);
            exchange.close();
        });
        admin.start();
        try {
            int port = admin.getAddress().getPort();
            assertFalse(probe.isReady("127.0.0.1", port), "503 while starting");
            status.set(200);
            assertTrue(probe.isReady("127.0.0.1", port));
        } finally {
            admin.stop(0);
        }
    }

    @Test
    void notReadyWhenNothingListens() throws Exception {
        assertFalse(probe.isReady("127.0.0.1", PortCheck.freePort()));
    }
}
