package newsroom.fetching;

import java.net.URI;

/**
 * Which hosts a source may point at. In a cluster, a source must not reach the deployment's own
 * network (server-side request forgery): {@link #PUBLIC_ONLY} refuses hosts that resolve to
 * loopback, link-local, private (site-local, unique-local), carrier-grade NAT, multicast or
 * unspecified addresses. {@link #ANY} allows them, for one machine's local run.
 */
public enum AddressPolicy {
    PUBLIC_ONLY, ANY;

    /**
     * Checks an address before it is requested.
     *
     * @throws RefusedAddressException saying why, for a person: not http(s), no host, the host does not
     *                                 resolve, or it resolves to an address the policy refuses
     */
    public void check(URI url) throws RefusedAddressException {
        throw new UnsupportedOperationException("TODO");
    }
}
