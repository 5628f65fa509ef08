package newsroom.fetching;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

/**
 * Which hosts a source may point at. In a cluster, a source must not reach the deployment's own
 * network (server-side request forgery): {@link #PUBLIC_ONLY} refuses hosts that resolve to
 * loopback, link-local, private (site-local, unique-local), carrier-grade NAT, multicast or
 * unspecified addresses. {@link #ANY} allows them, for one machine's local run.
 *
 * <p>"Cluster-internal" has no address range of its own (clusters use private ranges, which are
 * refused anyway), so {@link #PUBLIC_ONLY} also refuses names that only a cluster's resolver
 * answers: single-label names (found through the search domains, like {@code ingest-service}),
 * {@code localhost}, and names ending in {@code .svc}, {@code .cluster.local}, {@code .internal}
 * or {@code .local}.
 *
 * <p>Checking before connecting leaves a window: a name can resolve to a public address here and
 * to a private one when the HTTP client resolves it again (DNS rebinding). {@link PoliteFetcher}
 * narrows it by checking at every request and every redirect hop; closing it fully would take
 * connecting to the checked address itself, which the JDK's HTTP client does not offer. A
 * NetworkPolicy that denies egress to the cluster's ranges is the complete answer in k8s.
 */
public enum AddressPolicy {
    PUBLIC_ONLY, ANY;

    /** The setting that turns {@link #PUBLIC_ONLY} into {@link #ANY}, named in refusals. */
    public static final String ALLOW_SETTING = "newsroom.sources.allow-private-addresses";

    private static final List<String> INTERNAL_SUFFIXES = List.of(".svc", ".cluster.local", ".internal", ".local",
            ".localhost");

    /**
     * Checks an address before it is requested.
     *
     * @throws RefusedAddressException saying why, for a person: not http(s), no host, the host does not
     *                                 resolve, or it resolves to an address the policy refuses
     */
    public void check(URI url) throws RefusedAddressException {
        String scheme = url.getScheme() == null ? null : url.getScheme().toLowerCase(Locale.ROOT);
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            throw new RefusedAddressException("refused: " + url + " is not an http or https URL");
        }
        String host = url.getHost();
        if (host == null || host.isEmpty()) {
            throw new RefusedAddressException("refused: " + url + " has no host");
        }
        host = host.toLowerCase(Locale.ROOT);
        String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        boolean literal = host.startsWith("[") || bare.matches("[0-9.]+");
        if (this == PUBLIC_ONLY && !literal) {
            String name = bare.endsWith(".") ? bare.substring(0, bare.length() - 1) : bare;
            if (name.equals("localhost") || !name.contains(".")
                    || INTERNAL_SUFFIXES.stream().anyMatch(name::endsWith)) {
                throw new RefusedAddressException("refused: " + host + " is a cluster-internal or local name (set "
                        + ALLOW_SETTING + "=true to allow)");
            }
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(bare);
        } catch (UnknownHostException e) {
            throw new RefusedAddressException("host " + host + " does not resolve");
        }
        if (this == ANY) {
            return;
        }
        for (InetAddress address : addresses) {
            String kind = nonPublicKind(address);
            if (kind != null) {
                String subject = literal ? host + " is" : host + " resolves to " + address.getHostAddress() + ",";
                throw new RefusedAddressException("refused: " + subject + " " + kind + " (set " + ALLOW_SETTING
                        + "=true to allow)");
            }
        }
    }

    /** What kind of non-public address this is ("a private address"), or null for a public one. */
    static String nonPublicKind(InetAddress address) {
        if (address instanceof Inet6Address) {
            byte[] b = address.getAddress();
            Inet4Address embedded = embeddedIpv4(b);
            if (embedded != null) {
                String kind = nonPublicKind(embedded);
                return kind == null ? null : kind + " in IPv6 form";
            }
            if ((b[0] & 0xfe) == 0xfc) {
                return "a private (unique-local) address";
            }
        } else {
            byte[] b = address.getAddress();
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            if (first == 0) {
                return "an unspecified address";
            }
            if (first == 100 && second >= 64 && second <= 127) {
                return "a carrier-grade NAT address";
            }
            if (first >= 240) {
                return "a reserved or broadcast address";
            }
        }
        if (address.isAnyLocalAddress()) {
            return "an unspecified address";
        }
        if (address.isLoopbackAddress()) {
            return "a loopback address";
        }
        if (address.isLinkLocalAddress()) {
            return "a link-local address";
        }
        if (address.isSiteLocalAddress()) {
            return "a private address";
        }
        if (address.isMulticastAddress()) {
            return "a multicast address";
        }
        return null;
    }

    /**
     * The IPv4 address inside an IPv4-mapped (::ffff:a.b.c.d), IPv4-compatible (::a.b.c.d),
     * NAT64 (64:ff9b::a.b.c.d) or 6to4 (2002:aabb:ccdd::) address; null for other addresses.
     * (The JDK turns most mapped literals into Inet4Address already; resolvers may not.)
     */
    private static Inet4Address embeddedIpv4(byte[] b) {
        boolean zeroPrefix = true;
        for (int i = 0; i < 10; i++) {
            zeroPrefix &= b[i] == 0;
        }
        byte[] v4 = null;
        if (zeroPrefix && ((b[10] == (byte) 0xff && b[11] == (byte) 0xff) || (b[10] == 0 && b[11] == 0
                && (b[12] != 0 || b[13] != 0)))) {
            v4 = new byte[] {b[12], b[13], b[14], b[15]};
        } else if (b[0] == 0 && b[1] == 0x64 && b[2] == (byte) 0xff && b[3] == (byte) 0x9b) {
            v4 = new byte[] {b[12], b[13], b[14], b[15]};
        } else if (b[0] == 0x20 && b[1] == 0x02) {
            v4 = new byte[] {b[2], b[3], b[4], b[5]};
        }
        if (v4 == null) {
            return null;
        }
        try {
            return (Inet4Address) InetAddress.getByAddress(v4);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
