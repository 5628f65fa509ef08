package newsroom.fetching;

import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AddressPolicyTest {

    @Test
    void publicOnlyRefusesEveryNonPublicRange() {
        for (String url : new String[] {"http://127.0.0.1/", "http://127.0.0.7:8080/feed", "http://10.0.0.7/",
                "http://172.16.3.4/", "http://192.168.1.1/", "http://169.254.169.254/latest/meta-data/",
                "http://[::1]/", "http://[fd00::1]/", "http://[fe80::1]/", "http://100.64.0.1/", "http://0.0.0.0/",
                "http://224.0.0.1/", "http://[::ffff:10.0.0.1]/", "http://[64:ff9b::a00:1]/", "http://[2002:a00:1::]/"}) {
            RefusedAddressException refused = assertThrows(RefusedAddressException.class,
                    () -> AddressPolicy.PUBLIC_ONLY.check(URI.create(url)), url);
            assertTrue(refused.getMessage().startsWith("refused: "), refused.getMessage());
            assertTrue(refused.getMessage().contains(AddressPolicy.ALLOW_SETTING), refused.getMessage());
        }
    }

    @Test
    void publicOnlySaysWhatKindOfAddressItRefused() throws Exception {
        assertEquals("refused: 10.0.0.7 is a private address (set newsroom.sources.allow-private-addresses=true to allow)",
                assertThrows(RefusedAddressException.class,
                        () -> AddressPolicy.PUBLIC_ONLY.check(URI.create("http://10.0.0.7/"))).getMessage());
        assertTrue(assertThrows(RefusedAddressException.class, () -> AddressPolicy.PUBLIC_ONLY.check(
                URI.create("http://169.254.169.254/"))).getMessage().contains("link-local"));
        assertTrue(assertThrows(RefusedAddressException.class, () -> AddressPolicy.PUBLIC_ONLY.check(
                URI.create("http://localhost:8080/"))).getMessage().contains("cluster-internal or local name"));
    }

    @Test
    void publicOnlyRefusesClusterNamesWithoutAskingDns() {
        for (String url : new String[] {"http://ingest-service:9000/", "http://postgres.newsroom.svc/",
                "http://api.newsroom.svc.cluster.local/", "http://metadata.google.internal/", "http://printer.local/"}) {
            assertThrows(RefusedAddressException.class, () -> AddressPolicy.PUBLIC_ONLY.check(URI.create(url)), url);
        }
    }

    @Test
    void publicAddressesPass() {
        assertDoesNotThrow(() -> AddressPolicy.PUBLIC_ONLY.check(URI.create("https://93.184.215.14/feed.xml")));
        assertDoesNotThrow(() -> AddressPolicy.PUBLIC_ONLY.check(URI.create("http://[2606:2800:21f:cb07:6820:80da:af6b:8b2c]/")));
    }

    @Test
    void anyAllowsLoopbackButStillNeedsHttpAndAHostThatResolves() throws Exception {
        AddressPolicy.ANY.check(URI.create("http://127.0.0.1:8080/"));
        assertTrue(assertThrows(RefusedAddressException.class,
                () -> AddressPolicy.ANY.check(URI.create("file:///etc/passwd"))).getMessage().contains("not an http"));
        assertEquals("host no-such-host.invalid does not resolve", assertThrows(RefusedAddressException.class,
                () -> AddressPolicy.ANY.check(URI.create("http://no-such-host.invalid/"))).getMessage());
    }
}
