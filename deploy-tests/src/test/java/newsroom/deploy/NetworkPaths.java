package newsroom.deploy;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import java.util.List;
import java.util.Map;

/**
 * Whether one pod may open a TCP connection to another on a port, under the NetworkPolicies
 * of one namespace, as networking.k8s.io/v1 says: a connection needs the source's egress and
 * the destination's ingress; a pod that no policy of a direction selects is not isolated in
 * it; the rules of every policy selecting a pod add up. Only what the overlays use is read:
 * label selectors by matchLabels and numeric ports (anything else fails the test rather than
 * being guessed). Address blocks never match a pod: the overlays use them for addresses
 * outside the cluster, and what they do to pod addresses is up to the network plugin.
 */
final class NetworkPaths {

    /** The label every namespace carries with its name. */
    static final String NAMESPACE_NAME = "kubernetes.io/metadata.name";

    /** A pod, by the labels of its namespace (its name among them) and its own. */
    record Pod(String name, Map<String, String> namespaceLabels, Map<String, String> labels) {

        String namespace() {
            return namespaceLabels.get(NAMESPACE_NAME);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private final String namespace;
    private final List<NetworkPolicy> policies;

    /** The paths {@code policies}, all of namespace {@code namespace}, allow. */
    NetworkPaths(String namespace, List<NetworkPolicy> policies) {
        this.namespace = namespace;
        this.policies = policies;
    }

    /** A pod of this namespace. */
    Pod pod(String name, Map<String, String> labels) {
        return new Pod(name, Map.of(NAMESPACE_NAME, namespace), labels);
    }

    /** Whether {@code from} may connect to {@code to} on TCP {@code port}. */
    boolean allows(Pod from, Pod to, int port) {
        return egressAllows(from, to, port) && ingressAllows(from, to, port);
    }

    /**
     * Whether {@code to}'s ingress alone admits {@code from} on TCP {@code port}: the
     * destination's own wall, whatever the source's egress allows.
     */
    boolean admits(Pod from, Pod to, int port) {
        return ingressAllows(from, to, port);
    }

    private boolean ingressAllows(Pod from, Pod to, int port) {
        List<NetworkPolicy> selecting = selecting(to, "Ingress");
        return selecting.isEmpty() || selecting.stream()
                .flatMap(policy -> policy.getSpec().getIngress().stream())
                .anyMatch(rule -> matchesPort(rule.getPorts(), port) && matchesPeer(rule.getFrom(), from));
    }

    private boolean egressAllows(Pod from, Pod to, int port) {
        List<NetworkPolicy> selecting = selecting(from, "Egress");
        return selecting.isEmpty() || selecting.stream()
                .flatMap(policy -> policy.getSpec().getEgress().stream())
                .anyMatch(rule -> matchesPort(rule.getPorts(), port) && matchesPeer(rule.getTo(), to));
    }

    /** The policies that isolate {@code pod} in {@code direction}: none for a pod of another namespace. */
    private List<NetworkPolicy> selecting(Pod pod, String direction) {
        if (!namespace.equals(pod.namespace())) {
            return List.of();
        }
        return policies.stream()
                .filter(policy -> policy.getSpec().getPolicyTypes().contains(direction))
                .filter(policy -> matches(policy.getSpec().getPodSelector(), pod.labels()))
                .toList();
    }

    private boolean matchesPeer(List<NetworkPolicyPeer> peers, Pod pod) {
        if (peers.isEmpty()) {
            return true;
        }
        return peers.stream().anyMatch(peer -> {
            if (peer.getIpBlock() != null) {
                return false;
            }
            boolean namespaceMatches = peer.getNamespaceSelector() == null
                    ? namespace.equals(pod.namespace())
                    : matches(peer.getNamespaceSelector(), pod.namespaceLabels());
            return namespaceMatches && (peer.getPodSelector() == null || matches(peer.getPodSelector(), pod.labels()));
        });
    }

    private static boolean matchesPort(List<NetworkPolicyPort> ports, int port) {
        if (ports.isEmpty()) {
            return true;
        }
        return ports.stream().anyMatch(allowed -> {
            assertTrue(allowed.getPort() != null && allowed.getPort().getIntVal() != null && allowed.getEndPort() == null,
                    "a policy port is a single port by number: " + allowed);
            return allowed.getPort().getIntVal() == port && (allowed.getProtocol() == null || allowed.getProtocol().equals("TCP"));
        });
    }

    /** An empty selector selects everything; matchLabels selects what carries every one of its labels. */
    private static boolean matches(LabelSelector selector, Map<String, String> labels) {
        assertTrue(selector.getMatchExpressions() == null || selector.getMatchExpressions().isEmpty(),
                "a policy selects by matchLabels: " + selector);
        Map<String, String> wanted = selector.getMatchLabels() == null ? Map.of() : selector.getMatchLabels();
        return labels.entrySet().containsAll(wanted.entrySet());
    }
}
