package newsroom.ingest.analysis;

import io.grpc.EquivalentAddressGroup;
import io.grpc.NameResolver;
import io.grpc.NameResolverProvider;
import io.grpc.Status;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The {@code static} gRPC name resolver: the instances of a service are the
 * {@code host:port} pairs listed in the configuration property {@code newsroom.nlp.addresses}
 * (NEWSROOM_NLP_ADDRESSES), comma-separated. The target's own host and port are not used.
 *
 * <p>With the {@code round_robin} policy this spreads calls over several nlp-service
 * instances where no DNS name lists them all (one machine, the load-spread test); in
 * Kubernetes the {@code dns} resolver does the same from the headless Service. Host names
 * are looked up again whenever the channel asks (after a connection ends).
 * Registered through {@code META-INF/services/io.grpc.NameResolverProvider}.
 */
public class StaticAddressesNameResolverProvider extends NameResolverProvider {

    static final String SCHEME = "static";
    static final String ADDRESSES_PROPERTY = "newsroom.nlp.addresses";

    @Override
    protected boolean isAvailable() {
        return true;
    }

    /**
     * Below gRPC's DNS resolver (5): the highest priority names the default scheme of every
     * channel in the JVM (targets like {@code localhost:9092}), which must stay DNS; this
     * one is only for targets that name {@code static:}.
     */
    @Override
    protected int priority() {
        return 3;
    }

    @Override
    public String getDefaultScheme() {
        return SCHEME;
    }

    @Override
    public NameResolver newNameResolver(URI targetUri, NameResolver.Args args) {
        if (!SCHEME.equals(targetUri.getScheme())) {
            return null;
        }
        String addresses = ConfigProvider.getConfig().getValue(ADDRESSES_PROPERTY, String.class);
        String authority = targetUri.getAuthority() == null ? "nlp-service" : targetUri.getAuthority();
        return new NameResolver() {
            private Listener2 listener;

            @Override
            public String getServiceAuthority() {
                return authority;
            }

            @Override
            public void start(Listener2 listener) {
                this.listener = listener;
                resolve();
            }

            @Override
            public void refresh() {
                resolve();
            }

            private void resolve() {
                try {
                    listener.onResult(ResolutionResult.newBuilder().setAddresses(groups(addresses)).build());
                } catch (IllegalArgumentException | UnknownHostException e) {
                    listener.onError(Status.UNAVAILABLE.withDescription(
                            ADDRESSES_PROPERTY + " \"" + addresses + "\": " + e.getMessage()).withCause(e));
                }
            }

            @Override
            public void shutdown() {
                // nothing held
            }
        };
    }

    /** One address group per listed instance, holding every IP its host name has. */
    static List<EquivalentAddressGroup> groups(String addresses) throws UnknownHostException {
        List<EquivalentAddressGroup> groups = new ArrayList<>();
        for (String entry : addresses.split(",")) {
            String address = entry.strip();
            if (address.isEmpty()) {
                continue;
            }
            int colon = address.lastIndexOf(':');
            if (colon <= 0 || colon == address.length() - 1) {
                throw new IllegalArgumentException("\"" + address + "\" is not host:port");
            }
            int port;
            try {
                port = Integer.parseInt(address.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("\"" + address + "\" has no port number");
            }
            List<SocketAddress> socketAddresses = new ArrayList<>();
            for (InetAddress ip : InetAddress.getAllByName(address.substring(0, colon))) {
                socketAddresses.add(new InetSocketAddress(ip, port));
            }
            groups.add(new EquivalentAddressGroup(socketAddresses));
        }
        if (groups.isEmpty()) {
            throw new IllegalArgumentException("lists no instance");
        }
        return groups;
    }
}
