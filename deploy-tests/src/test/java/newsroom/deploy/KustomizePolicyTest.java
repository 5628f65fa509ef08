package newsroom.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeProjection;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Renders the kustomize overlays with {@code kubectl kustomize}, loads every object into
 * the fabric8 Kubernetes model (failing on fields the API does not know) and holds them
 * to the deployment policies of docs/deploy.md. Skipped, with a message saying so, where
 * kubectl is not installed.
 */
class KustomizePolicyTest {

    private static final Path HOME = Path.of(System.getProperty("newsroom.home", "..")).toAbsolutePath().normalize();
    private static final Path WORK = Path.of(System.getProperty("newsroom.deploy.work", "target/kustomize"));
    private static final List<String> SERVICES = List.of("nlp-service", "ingest-service", "query-service");
    static final String DEV = "overlays/dev";
    static final String PROD = "overlays/prod";
    private static final String PROD_WITH_BACKLOG = "overlays/prod + components/autoscaling-on-backlog";
    private static final Pattern MAX_HEAP = Pattern.compile("-Xmx(\\d+)([gGmM])");
    private static final String TLS_SECRET = "newsroom-tls";
    private static final int POSTGRESQL_PORT = 5432;
    /** An image by digest, or by a release tag (digits and dots: no latest, no -SNAPSHOT, no branch name). */
    private static final Pattern PINNED_IMAGE =
            Pattern.compile("[^@]+@sha256:[0-9a-f]{64}|[^@]+:\\d+(?:\\.\\d+)+");

    private static final Map<String, List<HasMetadata>> RENDERED = new ConcurrentHashMap<>();

    @BeforeAll
    static void needsKubectl() {
        assumeTrue(Kustomize.kubectlAvailable(),
                "kubectl is not installed: the kustomize overlays were NOT rendered or checked (install kubectl to run this test)");
    }

    static Stream<String> renderings() {
        return Stream.of(DEV, PROD, PROD_WITH_BACKLOG);
    }

    static Stream<String> productionRenderings() {
        return Stream.of(PROD, PROD_WITH_BACKLOG);
    }

    static List<HasMetadata> rendered(String rendering) {
        return RENDERED.computeIfAbsent(rendering, name -> {
            Path k8s = HOME.resolve("k8s");
            if (name.equals(PROD_WITH_BACKLOG)) {
                try {
                    return Kustomize.render(Kustomize.withComponents(WORK.resolve("prod-with-backlog"),
                            k8s.resolve(PROD), List.of(k8s.resolve("components/autoscaling-on-backlog"))));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
            return Kustomize.render(k8s.resolve(name));
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void everyContainerHasResourcesProbesAndARestrictiveSecurityContext(String rendering) {
        List<String> problems = new ArrayList<>();
        for (Workload workload : workloads(rendered(rendering))) {
            PodSecurityContext podSecurity = workload.template().getSpec().getSecurityContext();
            for (Container container : containersOf(workload.template())) {
                String where = workload.name() + "/" + container.getName() + ": ";
                var resources = container.getResources();
                if (resources == null || !has(resources.getRequests(), "cpu") || !has(resources.getRequests(), "memory")
                        || !has(resources.getLimits(), "memory")) {
                    problems.add(where + "needs requests.cpu, requests.memory and limits.memory");
                }
                if (container.getStartupProbe() == null || container.getReadinessProbe() == null
                        || container.getLivenessProbe() == null) {
                    problems.add(where + "needs startup, readiness and liveness probes");
                }
                SecurityContext security = container.getSecurityContext();
                boolean nonRoot = (security != null && Boolean.TRUE.equals(security.getRunAsNonRoot()))
                        || (podSecurity != null && Boolean.TRUE.equals(podSecurity.getRunAsNonRoot()));
                if (!nonRoot) {
                    problems.add(where + "must run as non-root (runAsNonRoot)");
                }
                if (security == null || !Boolean.TRUE.equals(security.getReadOnlyRootFilesystem())) {
                    problems.add(where + "needs readOnlyRootFilesystem: true");
                }
                if (security == null || !Boolean.FALSE.equals(security.getAllowPrivilegeEscalation())) {
                    problems.add(where + "needs allowPrivilegeEscalation: false");
                }
                if (security == null || security.getCapabilities() == null
                        || !security.getCapabilities().getDrop().contains("ALL")) {
                    problems.add(where + "must drop all capabilities");
                }
                boolean writableTmp = container.getVolumeMounts().stream()
                        .anyMatch(mount -> mount.getMountPath().equals("/tmp")
                                && volume(workload.template(), mount.getName()).map(Volume::getEmptyDir).isPresent());
                if (!writableTmp) {
                    problems.add(where + "with a read-only root filesystem needs an emptyDir at /tmp");
                }
            }
        }
        assertTrue(problems.isEmpty(), rendering + ": " + String.join("; ", problems));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void serviceSelectorsMatchPodLabels(String rendering) {
        List<HasMetadata> objects = rendered(rendering);
        List<Workload> workloads = workloads(objects);
        for (Service service : ofKind(objects, Service.class)) {
            Map<String, String> selector = service.getSpec().getSelector();
            assertFalse(selector == null || selector.isEmpty(), service.getMetadata().getName() + " has no selector");
            List<String> selected = workloads.stream()
                    .filter(workload -> workload.template().getMetadata().getLabels().entrySet().containsAll(selector.entrySet()))
                    .map(Workload::name)
                    .toList();
            assertEquals(1, selected.size(), rendering + ": Service " + service.getMetadata().getName()
                    + " selects the pods of exactly one workload, not " + selected);
            Workload workload = workloads.stream().filter(w -> w.name().equals(selected.get(0))).findFirst().orElseThrow();
            for (ServicePort port : service.getSpec().getPorts()) {
                IntOrString target = port.getTargetPort();
                boolean exists = containersOf(workload.template()).stream()
                        .flatMap(container -> container.getPorts().stream())
                        .anyMatch(containerPort -> target.getStrVal() != null
                                ? target.getStrVal().equals(containerPort.getName())
                                : Objects.equals(target.getIntVal(), containerPort.getContainerPort()));
                assertTrue(exists, rendering + ": Service " + service.getMetadata().getName() + " targets port "
                        + target + ", which no container of " + workload.name() + " declares");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void containerPortsAreThePortsTheServicesListenOn(String rendering) throws IOException {
        List<HasMetadata> objects = rendered(rendering);
        for (String name : SERVICES) {
            Container container = serviceContainer(objects, name);
            int port = listeningPort(container, name, ListeningPort.GRPC);
            int adminPort = listeningPort(container, name, ListeningPort.ADMIN);
            assertEquals(port, containerPort(container, "grpc"),
                    rendering + ": " + name + "'s container port grpc is the port it listens on for gRPC");
            assertEquals(adminPort, containerPort(container, "admin"),
                    rendering + ": " + name + "'s container port admin is the port it serves health and metrics on");
            Service service = named(objects, Service.class, name);
            assertEquals(List.of(port), service.getSpec().getPorts().stream().map(ServicePort::getPort).toList(),
                    rendering + ": Service " + name + " offers the gRPC port clients are configured with, and not the admin port");
            Map<String, String> annotations = named(objects, Deployment.class, name).getSpec().getTemplate().getMetadata().getAnnotations();
            assertEquals(Integer.toString(adminPort), annotations.get("prometheus.io/port"),
                    rendering + ": " + name + "'s pods are scraped on the admin port");
            assertEquals("true", annotations.get("prometheus.io/scrape"));
            assertEquals("/q/metrics", annotations.get("prometheus.io/path"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void probesAskTheHealthEndpointsOnTheAdminPort(String rendering) throws IOException {
        List<HasMetadata> objects = rendered(rendering);
        for (String name : SERVICES) {
            Container container = serviceContainer(objects, name);
            int adminPort = listeningPort(container, name, ListeningPort.ADMIN);
            Map<String, Probe> probes = Map.of("startup", container.getStartupProbe(),
                    "readiness", container.getReadinessProbe(), "liveness", container.getLivenessProbe());
            probes.forEach((kind, probe) -> {
                String where = rendering + ": " + name + "'s " + kind + " probe ";
                assertNotNull(probe.getHttpGet(), where + "asks over HTTP (the kubelet's grpc probe cannot speak TLS)");
                assertEquals(adminPort, portNumber(container, probe.getHttpGet().getPort()), where + "asks the admin port");
                assertTrue(probe.getHttpGet().getScheme() == null || probe.getHttpGet().getScheme().equals("HTTP"),
                        where + "speaks plain HTTP: the admin port has no TLS");
                assertEquals(kind.equals("liveness") ? "/q/health/live" : "/q/health/ready", probe.getHttpGet().getPath(), where);
            });
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void nlpServiceIsHeadlessWithALongStartupProbeADisruptionBudgetAndMemoryAboveItsHeap(String rendering) {
        List<HasMetadata> objects = rendered(rendering);
        assertEquals("None", named(objects, Service.class, "nlp-service").getSpec().getClusterIP(),
                "nlp-service's Service is headless, so clients resolve every pod");
        Container nlp = serviceContainer(objects, "nlp-service");
        Probe startup = nlp.getStartupProbe();
        int startupSeconds = startup.getPeriodSeconds() * startup.getFailureThreshold();
        // Model loading takes about 11 s on a quiet 2-core machine (BENCHMARKS.md); a busy node may need many times that.
        assertTrue(startupSeconds >= 180, rendering + ": the startup probe allows only " + startupSeconds + " s for model loading");
        long heap = maxHeapBytes(env(nlp, "JAVA_OPTS_APPEND").orElse(""));
        BigDecimal request = Quantity.getAmountInBytes(nlp.getResources().getRequests().get("memory"));
        BigDecimal limit = Quantity.getAmountInBytes(nlp.getResources().getLimits().get("memory"));
        assertTrue(request.compareTo(BigDecimal.valueOf(heap)) > 0,
                rendering + ": nlp-service's memory request " + request + " must exceed its heap " + heap);
        assertTrue(limit.compareTo(request) > 0, rendering + ": nlp-service's memory limit is above its request");
        PodDisruptionBudget budget = named(objects, PodDisruptionBudget.class, "nlp-service");
        assertEquals(Map.of("app", "nlp-service"), budget.getSpec().getSelector().getMatchLabels());
        assertNotNull(budget.getSpec().getMaxUnavailable(), "a maxUnavailable budget never blocks a drain of a single pod");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void ingestBalancesOverEveryNlpPodByDns(String rendering) {
        Container ingest = serviceContainer(rendered(rendering), "ingest-service");
        assertEquals(Optional.of("dns"), env(ingest, "NEWSROOM_NLP_DISCOVERY"));
        String host = env(ingest, "NEWSROOM_NLP_HOST").orElse("");
        assertTrue(host.startsWith("nlp-service.$(POD_NAMESPACE).svc."),
                "ingest-service looks up the headless nlp-service by its fully qualified name, not " + host);
        assertTrue(ingest.getEnv().stream().anyMatch(variable -> variable.getName().equals("POD_NAMESPACE")
                        && variable.getValueFrom() != null && variable.getValueFrom().getFieldRef() != null),
                "POD_NAMESPACE comes from the pod's namespace");
        Container nlp = serviceContainer(rendered(rendering), "nlp-service");
        assertTrue(env(nlp, "NEWSROOM_NLP_MAX_CONNECTION_AGE").isPresent(),
                "nlp-service ends connections after an age so clients find new pods");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void networkPoliciesLetOnlyIngestReachNlpOnlyTheServicesReachPostgresAndClientsReachIngestAndQuery(String rendering) {
        List<HasMetadata> objects = rendered(rendering);
        NetworkPolicy denyAll = named(objects, NetworkPolicy.class, "default-deny");
        assertTrue(denyAll.getSpec().getPodSelector().getMatchLabels() == null
                || denyAll.getSpec().getPodSelector().getMatchLabels().isEmpty(), "the default deny selects every pod");
        assertEquals(List.of("Ingress", "Egress"), denyAll.getSpec().getPolicyTypes(), "the default deny covers both directions");
        assertTrue(denyAll.getSpec().getIngress().isEmpty() && denyAll.getSpec().getEgress().isEmpty(),
                "the default deny allows nothing");

        for (NetworkPolicyPeer peer : peersOf(policyFor(objects, "nlp-service"))) {
            boolean ingest = peer.getPodSelector() != null && peer.getNamespaceSelector() == null
                    && Map.of("app", "ingest-service").equals(peer.getPodSelector().getMatchLabels());
            assertTrue(ingest || isMetricsScraper(peer),
                    rendering + ": nlp-service admits only ingest-service (and the metrics scraper), not " + peer);
        }
        boolean postgresInTheCluster = ofKind(objects, StatefulSet.class).stream()
                .anyMatch(statefulSet -> statefulSet.getMetadata().getName().equals("postgres"));
        assertEquals(postgresInTheCluster, ofKind(objects, NetworkPolicy.class).stream()
                        .anyMatch(policy -> policy.getMetadata().getName().equals("postgres")),
                rendering + ": the policy of the in-cluster PostgreSQL is there exactly when that PostgreSQL is");
        for (NetworkPolicyPeer peer : postgresInTheCluster ? peersOf(policyFor(objects, "postgres")) : List.<NetworkPolicyPeer>of()) {
            assertTrue(peer.getNamespaceSelector() == null && peer.getPodSelector() != null
                            && List.of(Map.of("app", "ingest-service"), Map.of("app", "query-service"))
                            .contains(peer.getPodSelector().getMatchLabels()),
                    rendering + ": PostgreSQL admits only the services, not " + peer);
        }
        for (String open : List.of("ingest-service", "query-service")) {
            NetworkPolicy policy = policyFor(objects, open);
            int port = listeningPort(serviceContainer(objects, open), open, ListeningPort.GRPC);
            assertTrue(policy.getSpec().getIngress().stream().anyMatch(rule -> rule.getFrom().isEmpty()
                            && ports(rule.getPorts()).equals(List.of(port))),
                    rendering + ": clients from anywhere reach " + open + "'s gRPC port " + port);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void onlyTheMetricsScraperReachesTheAdminPorts(String rendering) {
        List<HasMetadata> objects = rendered(rendering);
        for (String name : SERVICES) {
            int adminPort = listeningPort(serviceContainer(objects, name), name, ListeningPort.ADMIN);
            List<NetworkPolicyIngressRule> rules = policyFor(objects, name).getSpec().getIngress();
            for (NetworkPolicyIngressRule rule : rules) {
                assertFalse(rule.getPorts().isEmpty(), rendering + ": " + name + "'s ingress rules name their ports: " + rule);
                if (ports(rule.getPorts()).contains(adminPort)) {
                    assertTrue(!rule.getFrom().isEmpty() && rule.getFrom().stream().allMatch(KustomizePolicyTest::isMetricsScraper),
                            rendering + ": " + name + "'s admin port " + adminPort + " admits only the metrics scraper's namespace, not " + rule);
                }
            }
            assertTrue(rules.stream().anyMatch(rule -> ports(rule.getPorts()).contains(adminPort)),
                    rendering + ": Prometheus may scrape " + name + "'s admin port");
        }
    }

    /** What a service may call; anything else is denied (default-deny covers egress). */
    enum Egress {
        DNS,
        NLP_SERVICE,
        /** Port 5432 at any address, or at address blocks: an external or in-cluster PostgreSQL. */
        POSTGRESQL,
        /** Port 5432 of the CloudNativePG cluster's primary: what its -rw Service reaches. */
        POSTGRESQL_PRIMARY,
        /** Port 5432 of the cluster's primary and replicas: its -rw and -ro Services. */
        POSTGRESQL_PRIMARY_AND_REPLICAS,
        PUBLIC_WEB
    }

    /**
     * The address ranges a news source may never be fetched from in the cluster (docs/sources.md,
     * SSRF): private, carrier-grade NAT, link-local (the cloud metadata endpoint) and loopback.
     */
    private static final Set<String> NEVER_FETCHED = Set.of("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16",
            "169.254.0.0/16", "100.64.0.0/10", "127.0.0.0/8");

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void egressAllowsOnlyWhatEachServiceNeeds(String rendering) {
        List<HasMetadata> objects = rendered(rendering);
        int nlpPort = listeningPort(serviceContainer(objects, "nlp-service"), "nlp-service", ListeningPort.GRPC);
        Optional<String> cluster = cloudNativePgCluster(objects);
        // With a CloudNativePG cluster, the database is its pods: ingest-service the primary
        // alone, query-service the primary and the replicas; otherwise port 5432 wherever it is.
        Map<String, Set<Egress>> needs = Map.of(
                "nlp-service", EnumSet.of(Egress.DNS),
                "ingest-service", EnumSet.of(Egress.DNS, Egress.NLP_SERVICE,
                        cluster.isPresent() ? Egress.POSTGRESQL_PRIMARY : Egress.POSTGRESQL, Egress.PUBLIC_WEB),
                "query-service", EnumSet.of(Egress.DNS,
                        cluster.isPresent() ? Egress.POSTGRESQL_PRIMARY_AND_REPLICAS : Egress.POSTGRESQL));
        needs.forEach((name, needed) -> {
            NetworkPolicy policy = policyFor(objects, name);
            assertTrue(policy.getSpec().getPolicyTypes().contains("Egress"), rendering + ": " + name + "'s policy restricts egress");
            Set<Egress> allowed = EnumSet.noneOf(Egress.class);
            for (NetworkPolicyEgressRule rule : policy.getSpec().getEgress()) {
                allowed.add(egressOf(rule, nlpPort, cluster).orElseThrow(() -> new AssertionError(
                        rendering + ": " + name + " may call something it does not need: " + rule)));
            }
            assertEquals(needed, allowed, rendering + ": " + name + "'s egress");
        });
    }

    /** The one thing {@code rule} lets a pod call, if it is one of {@link Egress}. */
    private static Optional<Egress> egressOf(NetworkPolicyEgressRule rule, int nlpPort, Optional<String> cluster) {
        List<Integer> ports = ports(rule.getPorts());
        List<NetworkPolicyPeer> to = rule.getTo();
        if (ports.isEmpty()) {
            return Optional.empty();
        }
        boolean clusterDns = to.size() == 1 && to.get(0).getIpBlock() == null
                && to.get(0).getNamespaceSelector() != null
                && Map.of("kubernetes.io/metadata.name", "kube-system").equals(to.get(0).getNamespaceSelector().getMatchLabels())
                && to.get(0).getPodSelector() != null
                && Map.of("k8s-app", "kube-dns").equals(to.get(0).getPodSelector().getMatchLabels());
        if (clusterDns && ports.stream().allMatch(port -> port == 53)) {
            return Optional.of(Egress.DNS);
        }
        boolean nlpPods = to.size() == 1 && to.get(0).getNamespaceSelector() == null && to.get(0).getIpBlock() == null
                && to.get(0).getPodSelector() != null
                && Map.of("app", "nlp-service").equals(to.get(0).getPodSelector().getMatchLabels());
        if (nlpPods && ports.equals(List.of(nlpPort))) {
            return Optional.of(Egress.NLP_SERVICE);
        }
        // PostgreSQL may be in the cluster or outside it: the port, to anywhere or an address block.
        boolean anywhereOrAddresses = to.stream().allMatch(peer -> peer.getIpBlock() != null);
        if (anywhereOrAddresses && ports.equals(List.of(POSTGRESQL_PORT))) {
            return Optional.of(Egress.POSTGRESQL);
        }
        if (cluster.isPresent() && ports.equals(List.of(POSTGRESQL_PORT))) {
            List<Map<String, String>> instances = to.stream()
                    .map(peer -> peer.getNamespaceSelector() == null && peer.getIpBlock() == null && peer.getPodSelector() != null
                            ? peer.getPodSelector().getMatchLabels() : Map.<String, String>of())
                    .toList();
            Map<String, String> primary = Map.of("cnpg.io/cluster", cluster.get(), "cnpg.io/instanceRole", "primary");
            Map<String, String> replica = Map.of("cnpg.io/cluster", cluster.get(), "cnpg.io/instanceRole", "replica");
            if (instances.equals(List.of(primary))) {
                return Optional.of(Egress.POSTGRESQL_PRIMARY);
            }
            if (Set.copyOf(instances).equals(Set.of(primary, replica)) && instances.size() == 2) {
                return Optional.of(Egress.POSTGRESQL_PRIMARY_AND_REPLICAS);
            }
        }
        // News sources: HTTP and HTTPS over TCP to every IPv4 address but the ranges never fetched.
        boolean publicAddresses = to.size() == 1 && to.get(0).getIpBlock() != null
                && to.get(0).getNamespaceSelector() == null && to.get(0).getPodSelector() == null
                && "0.0.0.0/0".equals(to.get(0).getIpBlock().getCidr())
                && to.get(0).getIpBlock().getExcept().containsAll(NEVER_FETCHED);
        boolean webOverTcp = rule.getPorts().stream().allMatch(port -> "TCP".equals(port.getProtocol()));
        if (publicAddresses && webOverTcp && ports.equals(List.of(80, 443))) {
            return Optional.of(Egress.PUBLIC_WEB);
        }
        return Optional.empty();
    }

    /**
     * ingest-service refuses sources on internal addresses itself, and the overlays say so
     * explicitly rather than trusting the default; the contact URL of its user agent is set
     * where deployers see it.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void ingestFetchesSourcesFromPublicAddressesOnlyAndSaysWhoItIs(String rendering) {
        List<HasMetadata> objects = rendered(rendering);
        Container ingest = serviceContainer(objects, "ingest-service");
        assertEquals(Optional.of("false"), env(ingest, "NEWSROOM_SOURCES_ALLOW_PRIVATE_ADDRESSES"),
                rendering + ": ingest-service refuses sources on loopback, link-local and private addresses");
        String contact = env(ingest, "NEWSROOM_SOURCES_CONTACT_URL").orElse("");
        assertTrue(contact.startsWith("https://"), rendering + ": the user agent's contact URL is an https page: " + contact);

        NetworkPolicy policy = policyFor(objects, "ingest-service");
        List<NetworkPolicyEgressRule> web = policy.getSpec().getEgress().stream()
                .filter(rule -> ports(rule.getPorts()).contains(80) || ports(rule.getPorts()).contains(443))
                .toList();
        assertEquals(1, web.size(), rendering + ": one egress rule lets ingest-service fetch web pages");
        assertEquals(List.of("0.0.0.0/0"), web.get(0).getTo().stream().map(peer -> peer.getIpBlock().getCidr()).toList());
        assertEquals(NEVER_FETCHED, Set.copyOf(web.get(0).getTo().get(0).getIpBlock().getExcept()),
                rendering + ": the web rule leaves out exactly the private, CGNAT, link-local and loopback ranges");
        for (String other : List.of("nlp-service", "query-service")) {
            assertTrue(policyFor(objects, other).getSpec().getEgress().stream()
                    .noneMatch(rule -> ports(rule.getPorts()).contains(80) || ports(rule.getPorts()).contains(443)),
                    rendering + ": " + other + " fetches nothing from the web");
        }
    }

    private static boolean isMetricsScraper(NetworkPolicyPeer peer) {
        return peer.getPodSelector() == null && peer.getIpBlock() == null && peer.getNamespaceSelector() != null
                && Map.of("newsroom.io/metrics-scraper", "true").equals(peer.getNamespaceSelector().getMatchLabels());
    }

    private static List<Integer> ports(List<NetworkPolicyPort> ports) {
        return ports.stream().map(port -> port.getPort().getIntVal()).distinct().toList();
    }

    @Test
    void prodServesTlsWithTheCertificateCertManagerIssues() {
        List<HasMetadata> objects = rendered(PROD);
        List<String> problems = new ArrayList<>();
        for (Workload workload : workloads(objects)) {
            Container container = containersOf(workload.template()).get(0);
            checkSecretFile(workload, container, "NEWSROOM_TLS_CERT_FILE", TLS_SECRET, problems);
            checkSecretFile(workload, container, "NEWSROOM_TLS_KEY_FILE", TLS_SECRET, problems);
            if (workload.name().equals("ingest-service")) {
                // Its calls to nlp-service: TLS, trusting the CA that signed the services' certificate.
                checkSecretFile(workload, container, "NEWSROOM_TLS_CA_FILE", TLS_SECRET, problems);
            }
        }
        assertTrue(problems.isEmpty(), PROD + ": " + String.join("; ", problems));

        GenericKubernetesResource certificate = certManager(objects, "Certificate").stream()
                .filter(object -> TLS_SECRET.equals(object.get("spec", "secretName")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no cert-manager Certificate writes the Secret " + TLS_SECRET));
        List<String> dnsNames = certificate.get("spec", "dnsNames");
        List<Namespace> namespaces = ofKind(objects, Namespace.class);
        assertEquals(1, namespaces.size(), "the overlay makes its namespace");
        String namespace = namespaces.get(0).getMetadata().getName();
        List<String> needed = new ArrayList<>();
        for (String name : SERVICES) {
            needed.add(name + "." + namespace + ".svc.cluster.local");
        }
        needed.add(env(serviceContainer(objects, "ingest-service"), "NEWSROOM_NLP_HOST").orElseThrow()
                .replace("$(POD_NAMESPACE)", namespace));
        assertTrue(dnsNames.containsAll(needed), "the certificate names " + needed + ", the names clients verify; it has " + dnsNames);

        String issuer = certificate.get("spec", "issuerRef", "name");
        GenericKubernetesResource ca = certManager(objects, "Issuer").stream()
                .filter(object -> object.getMetadata().getName().equals(issuer))
                .findFirst()
                .orElseThrow(() -> new AssertionError("the certificate's Issuer " + issuer + " is part of the overlay"));
        String caSecret = ca.get("spec", "ca", "secretName");
        assertTrue(certManager(objects, "Certificate").stream().anyMatch(object -> Boolean.TRUE.equals(object.get("spec", "isCA"))
                        && Objects.equals(caSecret, object.get("spec", "secretName"))),
                "the Issuer " + issuer + " signs with a CA certificate cert-manager keeps in the Secret " + caSecret);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("productionRenderings")
    void prodImagesArePinnedToADigestOrAReleaseTag(String rendering) {
        List<String> moving = new ArrayList<>();
        for (Workload workload : workloads(rendered(rendering))) {
            for (Container container : containersOf(workload.template())) {
                if (!PINNED_IMAGE.matcher(container.getImage()).matches()) {
                    moving.add(workload.name() + "/" + container.getName() + ": " + container.getImage());
                }
            }
        }
        assertTrue(moving.isEmpty(), rendering + ": images by digest (@sha256:...) or a release tag (1.2.3), never latest,"
                + " a -SNAPSHOT or no tag: " + moving);
    }

    @Test
    void thePinningPolicyTellsReleasesFromMovingTags() {
        for (String pinned : List.of("newsroom/nlp-service:0.1.0", "registry.example.com:5000/newsroom/query-service:1.12.3",
                "newsroom/ingest-service@sha256:" + "0123456789abcdef".repeat(4),
                "registry.example.com/newsroom/nlp-service:0.1.0@sha256:" + "fedcba9876543210".repeat(4))) {
            assertTrue(PINNED_IMAGE.matcher(pinned).matches(), pinned);
        }
        for (String moving : List.of("newsroom/nlp-service", "newsroom/nlp-service:latest", "newsroom/nlp-service:0.1.0-SNAPSHOT",
                "registry.example.com:5000/newsroom/nlp-service", "newsroom/nlp-service:main", "newsroom/nlp-service@sha256:abc")) {
            assertFalse(PINNED_IMAGE.matcher(moving).matches(), moving);
        }
    }

    @Test
    void devRunsOneReplicaOfEachServiceAndPostgresInTheClusterOnAVolume() {
        List<HasMetadata> objects = rendered(DEV);
        for (String name : SERVICES) {
            assertEquals(1, named(objects, Deployment.class, name).getSpec().getReplicas(), name + " in dev");
        }
        assertTrue(ofKind(objects, HorizontalPodAutoscaler.class).isEmpty(), "dev does not autoscale");
        StatefulSet postgres = named(objects, StatefulSet.class, "postgres");
        assertEquals(1, postgres.getSpec().getVolumeClaimTemplates().size(), "PostgreSQL keeps its data on a volume claim");
        String dataVolume = postgres.getSpec().getVolumeClaimTemplates().get(0).getMetadata().getName();
        assertTrue(postgres.getSpec().getTemplate().getSpec().getContainers().get(0).getVolumeMounts().stream()
                .anyMatch(mount -> mount.getName().equals(dataVolume)), "PostgreSQL mounts its volume claim");
    }

    @Test
    void prodWritesNoDatabasePasswordRunsMoreReplicasAndScalesNlpOnCpu() {
        List<HasMetadata> objects = rendered(PROD);
        assertTrue(ofKind(objects, StatefulSet.class).isEmpty(), "prod runs no StatefulSet PostgreSQL: CloudNativePG runs its instances");
        assertTrue(ofKind(objects, Secret.class).stream().noneMatch(secret -> secret.getMetadata().getName().startsWith("newsroom-db")),
                "prod writes no database password into the manifests: the operator creates the newsroom-db Secrets");
        for (String name : SERVICES) {
            assertTrue(named(objects, Deployment.class, name).getSpec().getReplicas() >= 2, name + " runs at least two pods in prod");
        }
        HorizontalPodAutoscaler autoscaler = nlpAutoscaler(objects);
        assertTrue(autoscaler.getSpec().getMinReplicas() >= 2, "never fewer than two nlp-service pods in prod");
        assertTrue(autoscaler.getSpec().getMaxReplicas() > autoscaler.getSpec().getMinReplicas());
        assertTrue(autoscaler.getSpec().getMetrics().stream().anyMatch(metric -> metric.getResource() != null
                && metric.getResource().getName().equals("cpu")), "nlp-service scales on CPU");
        assertTrue(ofKind(objects, HorizontalPodAutoscaler.class).size() == 1, "only nlp-service autoscales");
    }

    @Test
    void backlogComponentAddsTheBacklogToTheNlpAutoscaler() {
        List<MetricSpec> metrics = nlpAutoscaler(rendered(PROD_WITH_BACKLOG)).getSpec().getMetrics();
        assertTrue(metrics.stream().anyMatch(metric -> metric.getResource() != null), "CPU stays a metric");
        assertTrue(metrics.stream().anyMatch(metric -> metric.getExternal() != null
                        && metric.getExternal().getMetric().getName().equals("newsroom_ingest_backlog_articles")),
                "the backlog gauge ingest-service exports is an external metric of the autoscaler: " + metrics);
    }

    private static HorizontalPodAutoscaler nlpAutoscaler(List<HasMetadata> objects) {
        HorizontalPodAutoscaler autoscaler = named(objects, HorizontalPodAutoscaler.class, "nlp-service");
        var target = autoscaler.getSpec().getScaleTargetRef();
        assertEquals("Deployment", target.getKind());
        assertEquals("nlp-service", target.getName(), "the autoscaler targets nlp-service");
        named(objects, Deployment.class, target.getName());
        return autoscaler;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void everyServiceChecksCallersAgainstTheKeySecretAndIngestCarriesItsNlpKey(String rendering) {
        List<String> problems = new ArrayList<>();
        for (Workload workload : workloads(rendered(rendering))) {
            if (!SERVICES.contains(workload.name())) {
                continue;
            }
            Container container = containersOf(workload.template()).get(0);
            checkSecretFile(workload, container, "NEWSROOM_AUTH_KEYS_FILE", "newsroom-api-keys", problems);
            if (workload.name().equals("ingest-service")) {
                checkSecretFile(workload, container, "NEWSROOM_NLP_KEY_FILE", "newsroom-nlp-key", problems);
            }
            boolean authOff = container.getEnv().stream().anyMatch(env -> env.getName().equals("NEWSROOM_AUTH_ENABLED"));
            if (authOff) {
                problems.add(workload.name() + " must not set NEWSROOM_AUTH_ENABLED: authentication stays on");
            }
        }
        assertTrue(problems.isEmpty(), rendering + ": " + String.join("; ", problems));
    }

    /** {@code variable} names a file in a read-only mount of the Secret {@code secret}, mounted whole so updates arrive. */
    private static void checkSecretFile(Workload workload, Container container, String variable, String secret,
                                        List<String> problems) {
        String where = workload.name() + "'s " + variable;
        Optional<String> file = container.getEnv().stream().filter(env -> env.getName().equals(variable))
                .map(env -> env.getValue()).filter(Objects::nonNull).findFirst();
        if (file.isEmpty()) {
            problems.add(where + " is not set");
            return;
        }
        boolean mounted = container.getVolumeMounts().stream().anyMatch(mount ->
                file.get().startsWith(mount.getMountPath() + "/") && Boolean.TRUE.equals(mount.getReadOnly())
                        && mount.getSubPath() == null
                        && volume(workload.template(), mount.getName())
                                .map(volume -> volume.getSecret() != null && secret.equals(volume.getSecret().getSecretName()))
                                .orElse(false));
        if (!mounted) {
            problems.add(where + " (" + file.get() + ") is not in a read-only mount of the Secret " + secret);
        }
    }

    /**
     * The database logins, each a {@code kubernetes.io/basic-auth} Secret of its own (keys
     * {@code username}, {@code password}; docs/deploy.md, "2c. The database roles, and an external PostgreSQL"), so a pod
     * can be given one role's password without the others'.
     */
    enum DatabaseLogin {
        /** PostgreSQL's own superuser: only an in-cluster PostgreSQL reads it, never a service. */
        SUPERUSER("newsroom-db-superuser", null),
        /** Owns the schema: ingest-service's migrations (Flyway) alone. */
        OWNER("newsroom-db-owner", "newsroom_owner"),
        /** Reads and writes rows: ingest-service. */
        WRITER("newsroom-db-writer", "newsroom_writer"),
        /** Reads rows, in read-only sessions: query-service. */
        READER("newsroom-db-reader", "newsroom_reader");

        final String secret;
        /** The role of docs/deploy.md this login is for; the superuser's name is PostgreSQL's. */
        final String role;

        DatabaseLogin(String secret, String role) {
            this.secret = secret;
            this.role = role;
        }
    }

    /** The Secret with the database's address (key url); no credentials. */
    private static final String DATABASE_URL_SECRET = "newsroom-db";

    /** The database logins each workload's pods may read: a service only its own roles', never the superuser's. */
    private static final Map<String, Set<DatabaseLogin>> DATABASE_LOGINS = Map.of(
            "nlp-service", EnumSet.noneOf(DatabaseLogin.class),
            "ingest-service", EnumSet.of(DatabaseLogin.OWNER, DatabaseLogin.WRITER),
            "query-service", EnumSet.of(DatabaseLogin.READER),
            "postgres", EnumSet.allOf(DatabaseLogin.class));

    /** The hash kustomize's generators append to a name: 10 characters of its alphabet (no vowels, no 0, 1, 3). */
    private static final String GENERATED_SUFFIX = "-[2456789bcdfghkmt]{10}";

    /** Whether {@code reference} names the Secret {@code secret}, as written or as a generator renders it. */
    private static boolean refersTo(String reference, String secret) {
        return reference.equals(secret) || reference.matches(Pattern.quote(secret) + GENERATED_SUFFIX);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void eachServiceReadsOnlyItsOwnDatabaseRolesAndNeverTheSuperuser(String rendering) {
        List<String> problems = new ArrayList<>();
        for (Workload workload : workloads(rendered(rendering))) {
            Set<DatabaseLogin> allowed = DATABASE_LOGINS.get(workload.name());
            assertNotNull(allowed, rendering + ": which database logins " + workload.name() + " may read is not stated here");
            Set<DatabaseLogin> read = EnumSet.noneOf(DatabaseLogin.class);
            for (String secret : secretsReadBy(workload.template())) {
                for (DatabaseLogin login : DatabaseLogin.values()) {
                    if (refersTo(secret, login.secret)) {
                        read.add(login);
                    }
                }
            }
            if (!allowed.containsAll(read)) {
                problems.add(workload.name() + " reads the database logins " + read + ", of which only " + allowed + " are its own");
            }
        }
        assertTrue(problems.isEmpty(), rendering + ": " + String.join("; ", problems));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void ingestServiceWritesAsTheWriterAndMigratesAsTheOwnerQueryServiceReadsAsTheReader(String rendering) {
        List<HasMetadata> objects = rendered(rendering);
        Container ingest = serviceContainer(objects, "ingest-service");
        assertFromSecret(rendering, ingest, "NEWSROOM_DB_USER", DatabaseLogin.WRITER.secret, "username");
        assertFromSecret(rendering, ingest, "NEWSROOM_DB_PASSWORD", DatabaseLogin.WRITER.secret, "password");
        assertFromSecret(rendering, ingest, "NEWSROOM_DB_MIGRATION_USER", DatabaseLogin.OWNER.secret, "username");
        assertFromSecret(rendering, ingest, "NEWSROOM_DB_MIGRATION_PASSWORD", DatabaseLogin.OWNER.secret, "password");

        Container query = serviceContainer(objects, "query-service");
        assertFromSecret(rendering, query, "NEWSROOM_DB_USER", DatabaseLogin.READER.secret, "username");
        assertFromSecret(rendering, query, "NEWSROOM_DB_PASSWORD", DatabaseLogin.READER.secret, "password");
        List<String> migration = query.getEnv().stream().map(EnvVar::getName)
                .filter(name -> name.startsWith("NEWSROOM_DB_MIGRATION_")).toList();
        assertTrue(migration.isEmpty(), rendering + ": query-service never migrates, yet it is given " + migration);
    }

    /** Without CloudNativePG the address of the database is the Secret newsroom-db's: an external server, or dev's own. */
    @Test
    void devServicesFindTheDatabaseInTheSecretNewsroomDb() {
        List<HasMetadata> objects = rendered(DEV);
        for (String name : List.of("ingest-service", "query-service")) {
            assertFromSecret(DEV, serviceContainer(objects, name), "NEWSROOM_DB_URL", DATABASE_URL_SECRET, "url");
        }
        assertEquals("jdbc:postgresql://postgres:5432/newsroom", generatedSecretValue(objects, DATABASE_URL_SECRET, "url"),
                "dev's services reach the in-cluster PostgreSQL by its Service");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void queryServiceSignsPageTokensWithTheKeyEveryReplicaShares(String rendering) {
        Workload query = workloads(rendered(rendering)).stream().filter(w -> w.name().equals("query-service")).findFirst().orElseThrow();
        List<String> problems = new ArrayList<>();
        checkSecretFile(query, containersOf(query.template()).get(0), "NEWSROOM_QUERY_PAGE_TOKEN_KEY_FILE",
                "newsroom-query-page-token", problems);
        assertTrue(problems.isEmpty(), rendering + ": " + String.join("; ", problems));
    }

    @Test
    void devSecretsHoldEachServicesRoleAndOnlyPostgresReadsTheSuperuser() {
        List<HasMetadata> objects = rendered(DEV);
        // Whatever the names: the Secret PostgreSQL takes its superuser's password from is read by no service.
        Container postgres = postgresContainer(objects);
        String superuserSecret = postgres.getEnv().stream().filter(env -> env.getName().equals("POSTGRES_PASSWORD"))
                .findFirst().orElseThrow().getValueFrom().getSecretKeyRef().getName();
        for (Workload workload : workloads(objects)) {
            if (SERVICES.contains(workload.name())) {
                assertFalse(secretsReadBy(workload.template()).contains(superuserSecret),
                        workload.name() + " reads " + superuserSecret + ", which holds PostgreSQL's superuser password");
            }
        }
        for (DatabaseLogin login : List.of(DatabaseLogin.OWNER, DatabaseLogin.WRITER, DatabaseLogin.READER)) {
            assertEquals(login.role, generatedSecretValue(objects, login.secret, "username"),
                    "dev's Secret " + login.secret + " logs in as " + login.role);
        }
        String superuser = generatedSecretValue(objects, DatabaseLogin.SUPERUSER.secret, "username");
        assertFromSecret(DEV, postgres, "POSTGRES_USER", DatabaseLogin.SUPERUSER.secret, "username");
        assertFromSecret(DEV, postgres, "POSTGRES_PASSWORD", DatabaseLogin.SUPERUSER.secret, "password");
        assertFalse(List.of("newsroom_owner", "newsroom_writer", "newsroom_reader").contains(superuser),
                "the superuser is none of the services' roles: " + superuser);
    }

    @Test
    void devPostgresCreatesTheRolesTheServicesLogInAsWithTheirRights() {
        List<HasMetadata> objects = rendered(DEV);
        StatefulSet statefulSet = named(objects, StatefulSet.class, "postgres");
        PodTemplateSpec template = statefulSet.getSpec().getTemplate();
        Container postgres = postgresContainer(objects);
        // The image runs what is in /docker-entrypoint-initdb.d once, when it makes the data directory.
        VolumeMount init = postgres.getVolumeMounts().stream()
                .filter(mount -> mount.getMountPath().equals("/docker-entrypoint-initdb.d"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("dev's PostgreSQL has no init scripts in /docker-entrypoint-initdb.d"));
        Volume volume = volume(template, init.getName()).orElseThrow();
        assertNotNull(volume.getConfigMap(), "the init scripts come from a ConfigMap");
        assertTrue(volume.getConfigMap().getDefaultMode() != null && (volume.getConfigMap().getDefaultMode() & 0100) != 0,
                "the init script is executable, so the image runs it rather than sourcing it into its own shell");
        ConfigMap scripts = ofKind(objects, ConfigMap.class).stream()
                .filter(map -> map.getMetadata().getName().equals(volume.getConfigMap().getName()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("the ConfigMap " + volume.getConfigMap().getName() + " is rendered"));
        String script = String.join("\n", scripts.getData().values()).replaceAll("\\s+", " ");

        String database = generatedSecretValue(objects, DATABASE_URL_SECRET, "url").replaceAll(".*/", "");
        String owner = DatabaseLogin.OWNER.role;
        String writer = DatabaseLogin.WRITER.role;
        String reader = DatabaseLogin.READER.role;
        List<String> statements = new ArrayList<>();
        for (DatabaseLogin login : List.of(DatabaseLogin.OWNER, DatabaseLogin.WRITER, DatabaseLogin.READER)) {
            statements.add("CREATE ROLE " + login.role + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD :'");
        }
        statements.add("CREATE DATABASE " + database + " OWNER " + owner + ";");
        statements.add("GRANT CONNECT ON DATABASE " + database + " TO " + writer + ", " + reader + ";");
        statements.add("\\connect " + database);
        statements.addAll(rightsOfTheRoles(database));
        List<String> missing = statements.stream().filter(statement -> !script.contains(statement)).toList();
        assertTrue(missing.isEmpty(), "dev's PostgreSQL init script lacks " + missing);
        assertTrue(script.contains("ON_ERROR_STOP=1"), "the init script stops at the first failing statement");

        // Each role's password is the one in the Secret its service reads.
        for (DatabaseLogin login : List.of(DatabaseLogin.OWNER, DatabaseLogin.WRITER, DatabaseLogin.READER)) {
            String variable = "NEWSROOM_" + login.name() + "_PASSWORD";
            assertTrue(script.contains("\"$" + variable + "\""), "the init script sets " + login.role + "'s password from $" + variable);
            assertFromSecret(DEV, postgres, variable, login.secret, "password");
        }
    }

    /**
     * The statements, each ending with a semicolon, that give the services' roles their rights
     * in {@code database} once the roles and the database exist (docs/deploy.md, "2c"): the
     * reader's sessions read-only, nothing for PUBLIC, the schema the owner's, and the rights
     * on what the owner's migrations create later. Every PostgreSQL the overlays run makes them.
     */
    static List<String> rightsOfTheRoles(String database) {
        String owner = DatabaseLogin.OWNER.role;
        String writer = DatabaseLogin.WRITER.role;
        String reader = DatabaseLogin.READER.role;
        String defaults = "ALTER DEFAULT PRIVILEGES FOR ROLE " + owner + " IN SCHEMA public ";
        return List.of(
                "ALTER ROLE " + reader + " SET default_transaction_read_only = on;",
                "REVOKE ALL ON DATABASE " + database + " FROM PUBLIC;",
                "ALTER SCHEMA public OWNER TO " + owner + ";",
                "REVOKE ALL ON SCHEMA public FROM PUBLIC;",
                "GRANT USAGE ON SCHEMA public TO " + writer + ", " + reader + ";",
                defaults + "GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO " + writer + ";",
                defaults + "GRANT USAGE ON SEQUENCES TO " + writer + ";",
                defaults + "GRANT EXECUTE ON FUNCTIONS TO " + writer + ";",
                defaults + "GRANT SELECT ON TABLES TO " + reader + ";");
    }

    /** {@code variable} of {@code container} is the key {@code key} of the Secret {@code secret}. */
    private static void assertFromSecret(String rendering, Container container, String variable, String secret, String key) {
        EnvVar env = container.getEnv().stream().filter(e -> e.getName().equals(variable)).findFirst()
                .orElseThrow(() -> new AssertionError(rendering + ": " + container.getName() + " has no " + variable));
        String where = rendering + ": " + container.getName() + "'s " + variable;
        assertTrue(env.getValueFrom() != null && env.getValueFrom().getSecretKeyRef() != null, where + " comes from a Secret");
        SecretKeySelector reference = env.getValueFrom().getSecretKeyRef();
        assertTrue(refersTo(reference.getName(), secret) && key.equals(reference.getKey()),
                where + " is key " + key + " of the Secret " + secret + ", not key " + reference.getKey() + " of " + reference.getName());
    }

    /** Every Secret a pod of {@code template} can read: environment variables, envFrom, volumes. */
    private static Set<String> secretsReadBy(PodTemplateSpec template) {
        Set<String> secrets = new TreeSet<>();
        for (Container container : containersOf(template)) {
            for (EnvVar env : container.getEnv()) {
                if (env.getValueFrom() != null && env.getValueFrom().getSecretKeyRef() != null) {
                    secrets.add(env.getValueFrom().getSecretKeyRef().getName());
                }
            }
            for (EnvFromSource source : container.getEnvFrom()) {
                if (source.getSecretRef() != null) {
                    secrets.add(source.getSecretRef().getName());
                }
            }
        }
        for (Volume volume : template.getSpec().getVolumes()) {
            if (volume.getSecret() != null) {
                secrets.add(volume.getSecret().getSecretName());
            }
            if (volume.getProjected() != null) {
                for (VolumeProjection projection : volume.getProjected().getSources()) {
                    if (projection.getSecret() != null) {
                        secrets.add(projection.getSecret().getName());
                    }
                }
            }
        }
        return secrets;
    }

    /** The value of {@code key} in the Secret a generator rendered from {@code secret}. */
    private static String generatedSecretValue(List<HasMetadata> objects, String secret, String key) {
        Secret rendered = ofKind(objects, Secret.class).stream()
                .filter(object -> refersTo(object.getMetadata().getName(), secret))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no Secret " + secret + " in the rendering"));
        String encoded = rendered.getData().get(key);
        assertNotNull(encoded, "the Secret " + secret + " has the key " + key);
        return new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
    }

    private static Container postgresContainer(List<HasMetadata> objects) {
        return named(objects, StatefulSet.class, "postgres").getSpec().getTemplate().getSpec().getContainers().stream()
                .filter(container -> container.getName().equals("postgres"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("StatefulSet postgres has no container postgres"));
    }

    // --- reading the rendered objects ---

    /** A Deployment or StatefulSet: something that runs pods from a template. */
    record Workload(String name, PodTemplateSpec template) {
    }

    private static List<Workload> workloads(List<HasMetadata> objects) {
        List<Workload> workloads = new ArrayList<>();
        ofKind(objects, Deployment.class).forEach(d -> workloads.add(new Workload(d.getMetadata().getName(), d.getSpec().getTemplate())));
        ofKind(objects, StatefulSet.class).forEach(s -> workloads.add(new Workload(s.getMetadata().getName(), s.getSpec().getTemplate())));
        assertFalse(workloads.isEmpty(), "the rendering has workloads");
        return workloads;
    }

    private static List<Container> containersOf(PodTemplateSpec template) {
        List<Container> containers = new ArrayList<>(template.getSpec().getContainers());
        containers.addAll(template.getSpec().getInitContainers());
        return containers;
    }

    private static Container serviceContainer(List<HasMetadata> objects, String name) {
        return named(objects, Deployment.class, name).getSpec().getTemplate().getSpec().getContainers().stream()
                .filter(container -> container.getName().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("Deployment " + name + " has no container " + name));
    }

    private static Optional<Volume> volume(PodTemplateSpec template, String name) {
        return template.getSpec().getVolumes().stream().filter(volume -> volume.getName().equals(name)).findFirst();
    }

    private static Optional<String> env(Container container, String name) {
        return container.getEnv().stream()
                .filter(variable -> variable.getName().equals(name) && variable.getValue() != null)
                .map(EnvVar::getValue)
                .findFirst();
    }

    /** The port {@code property} of the service's application.properties sets, with the container's environment. */
    private static int listeningPort(Container container, String service, String property) {
        try {
            ListeningPort listening = ListeningPort.of(HOME, service, property);
            return env(container, listening.variable()).map(Integer::parseInt).orElse(listening.defaultPort());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static int containerPort(Container container, String name) {
        return container.getPorts().stream().filter(port -> name.equals(port.getName())).findFirst()
                .orElseThrow(() -> new AssertionError(container.getName() + " declares no container port named " + name))
                .getContainerPort();
    }

    /** A probe's port, given by number or by the name of a container port. */
    private static int portNumber(Container container, IntOrString port) {
        return port.getStrVal() != null ? containerPort(container, port.getStrVal()) : port.getIntVal();
    }

    private static List<GenericKubernetesResource> certManager(List<HasMetadata> objects, String kind) {
        return ofKind(objects, GenericKubernetesResource.class).stream()
                .filter(object -> object.getApiVersion().equals("cert-manager.io/v1") && object.getKind().equals(kind))
                .toList();
    }

    private static boolean has(Map<String, Quantity> quantities, String name) {
        return quantities != null && quantities.get(name) != null;
    }

    private static NetworkPolicy policyFor(List<HasMetadata> objects, String app) {
        List<NetworkPolicy> policies = ofKind(objects, NetworkPolicy.class).stream()
                .filter(policy -> Map.of("app", app).equals(policy.getSpec().getPodSelector().getMatchLabels()))
                .toList();
        assertEquals(1, policies.size(), "one NetworkPolicy selects the " + app + " pods");
        return policies.get(0);
    }

    private static List<NetworkPolicyPeer> peersOf(NetworkPolicy policy) {
        List<NetworkPolicyPeer> peers = new ArrayList<>();
        for (NetworkPolicyIngressRule rule : policy.getSpec().getIngress()) {
            assertFalse(rule.getFrom().isEmpty(), policy.getMetadata().getName() + " admits anyone: a rule has no 'from'");
            peers.addAll(rule.getFrom());
        }
        assertFalse(peers.isEmpty(), policy.getMetadata().getName() + " admits someone");
        return peers;
    }

    private static long maxHeapBytes(String javaOptions) {
        Matcher matcher = MAX_HEAP.matcher(javaOptions);
        assertTrue(matcher.find(), "nlp-service's JAVA_OPTS_APPEND sets -Xmx: " + javaOptions);
        long amount = Long.parseLong(matcher.group(1));
        return matcher.group(2).equalsIgnoreCase("g") ? amount << 30 : amount << 20;
    }

    /** The name of the CloudNativePG Cluster the rendering holds, if it holds one. */
    static Optional<String> cloudNativePgCluster(List<HasMetadata> objects) {
        return ofKind(objects, GenericKubernetesResource.class).stream()
                .filter(object -> object.getApiVersion().equals("postgresql.cnpg.io/v1") && object.getKind().equals("Cluster"))
                .map(object -> object.getMetadata().getName())
                .findFirst();
    }

    static <T extends HasMetadata> List<T> ofKind(List<HasMetadata> objects, Class<T> kind) {
        return objects.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    private static <T extends HasMetadata> T named(List<HasMetadata> objects, Class<T> kind, String name) {
        return ofKind(objects, kind).stream()
                .filter(object -> object.getMetadata().getName().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind.getSimpleName() + " " + name + " in the rendering"));
    }
}
