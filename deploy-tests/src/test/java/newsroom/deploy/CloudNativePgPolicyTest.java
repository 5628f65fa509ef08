package newsroom.deploy;

import static newsroom.deploy.KustomizePolicyTest.DEV;
import static newsroom.deploy.KustomizePolicyTest.PROD;
import static newsroom.deploy.KustomizePolicyTest.cloudNativePgCluster;
import static newsroom.deploy.KustomizePolicyTest.ofKind;
import static newsroom.deploy.KustomizePolicyTest.rendered;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import newsroom.deploy.KustomizePolicyTest.DatabaseLogin;
import newsroom.deploy.NetworkPaths.Pod;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Holds the store of the prod overlay, a CloudNativePG Cluster
 * (components/postgres-cloudnativepg), to docs/deploy.md: three instances with synchronous
 * replication; the database and the services' roles with the rights every PostgreSQL of the
 * suite gives them; ingest-service on the cluster's -rw Service, query-service reading from
 * -ro and falling back to -rw; network policies that let exactly those clients reach the
 * primary and the replicas; a PodMonitor; nightly base backups to object storage. And that
 * dev keeps its single in-cluster PostgreSQL.
 */
class CloudNativePgPolicyTest {

    private static final String CNPG_API = "postgresql.cnpg.io/v1";
    private static final String BARMAN_CLOUD_PLUGIN = "barman-cloud.cloudnative-pg.io";
    private static final int POSTGRESQL_PORT = 5432;
    /** The instance manager's status port, which the operator and the other instances ask. */
    private static final int INSTANCE_STATUS_PORT = 8000;
    /** The instances' metrics exporter (the PodMonitor's port "metrics"). */
    private static final int METRICS_PORT = 9187;
    /** A release tag of the PostgreSQL image (16.14, 16.14-standard-bookworm) or a digest; never a major alone. */
    private static final Pattern PINNED_POSTGRES_IMAGE =
            Pattern.compile("[^@]+:\\d+\\.\\d+(-[a-z0-9]+)*(@sha256:[0-9a-f]{64})?|[^@]+@sha256:[0-9a-f]{64}");

    @BeforeAll
    static void needsKubectl() {
        assumeTrue(Kustomize.kubectlAvailable(),
                "kubectl is not installed: the kustomize overlays were NOT rendered or checked (install kubectl to run this test)");
    }

    private static List<HasMetadata> prod() {
        return rendered(PROD);
    }

    private static GenericKubernetesResource theCluster() {
        List<GenericKubernetesResource> clusters = custom(prod(), CNPG_API, "Cluster");
        assertEquals(1, clusters.size(), "prod runs one CloudNativePG Cluster: " + clusters);
        return clusters.get(0);
    }

    @Test
    void prodRunsOneClusterOfThreeInstancesWithSynchronousReplication() {
        GenericKubernetesResource cluster = theCluster();
        assertEquals(3, (Integer) cluster.get("spec", "instances"), "a primary and two replicas");

        Map<String, Object> synchronous = cluster.get("spec", "postgresql", "synchronous");
        assertNotNull(synchronous, "synchronous replication is on (spec.postgresql.synchronous)");
        assertTrue(Set.of("any", "first").contains(synchronous.get("method")), "method any (quorum) or first (priority)");
        int number = (Integer) synchronous.get("number");
        assertTrue(number >= 1 && number < 3, "commits wait for 1 or 2 of the 2 replicas, not " + number);
        assertEquals("required", synchronous.get("dataDurability"),
                "a commit is confirmed by a replica before it returns, so a failover loses no committed row");
        assertTrue(cluster.get("spec", "minSyncReplicas") == null && cluster.get("spec", "maxSyncReplicas") == null,
                "one way to set synchronous replication: the synchronous stanza, not the deprecated min/maxSyncReplicas");

        String image = cluster.get("spec", "imageName");
        assertTrue(image != null && PINNED_POSTGRES_IMAGE.matcher(image).matches(),
                "every instance runs the same PostgreSQL release: " + image);
        assertEquals(Boolean.FALSE, cluster.get("spec", "enableSuperuserAccess"), "no Secret holds the superuser's password");
        assertNotNull(cluster.get("spec", "resources", "requests", "cpu"), "the instances request CPU");
        assertEquals(cluster.<Object>get("spec", "resources", "requests", "memory"), cluster.get("spec", "resources", "limits", "memory"),
                "the instances' memory request is their limit");
        assertNotNull(cluster.get("spec", "storage", "size"), "each instance has a data volume of a stated size");
        assertEquals(Boolean.TRUE, cluster.get("spec", "affinity", "enablePodAntiAffinity"), "instances spread over nodes");
        assertEquals("kubernetes.io/hostname", cluster.get("spec", "affinity", "topologyKey"), "one instance per node");
    }

    @Test
    void theClusterMakesTheDatabaseAndTheRolesTheServicesLogInAsWithTheirRights() {
        GenericKubernetesResource cluster = theCluster();
        Map<String, Object> initdb = cluster.get("spec", "bootstrap", "initdb");
        assertNotNull(initdb, "a new cluster starts empty (bootstrap.initdb)");
        String database = (String) initdb.get("database");
        assertEquals("newsroom", database);
        assertEquals(DatabaseLogin.OWNER.role, initdb.get("owner"), "the database is the owner's, whom Flyway migrates as");
        assertEquals(DatabaseLogin.OWNER.secret, cluster.get("spec", "bootstrap", "initdb", "secret", "name"),
                "the owner's password is that of the Secret ingest-service migrates with");

        List<String> sql = cluster.get("spec", "bootstrap", "initdb", "postInitApplicationSQL");
        assertNotNull(sql, "the rights are given when the database is made");
        List<String> wanted = new ArrayList<>(KustomizePolicyTest.rightsOfTheRoles(database));
        for (DatabaseLogin login : List.of(DatabaseLogin.WRITER, DatabaseLogin.READER)) {
            wanted.add("CREATE ROLE " + login.role + " NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE;");
        }
        wanted.add("GRANT CONNECT ON DATABASE " + database + " TO " + DatabaseLogin.WRITER.role + ", " + DatabaseLogin.READER.role
                + ", pg_monitor;");
        List<String> statements = sql.stream().map(statement -> statement.replaceAll("\\s+", " ").trim()).toList();
        List<String> missing = wanted.stream().filter(statement -> !statements.contains(statement)).toList();
        assertTrue(missing.isEmpty(), "the Cluster's postInitApplicationSQL lacks " + missing);
        assertEquals(statements.size(), wanted.size(), "and does nothing else: " + statements);

        List<Map<String, Object>> roles = cluster.get("spec", "managed", "roles");
        assertNotNull(roles, "the operator keeps the services' logins (spec.managed.roles)");
        for (DatabaseLogin login : List.of(DatabaseLogin.OWNER, DatabaseLogin.WRITER, DatabaseLogin.READER)) {
            Map<String, Object> role = roles.stream().filter(r -> login.role.equals(r.get("name"))).findFirst()
                    .orElseThrow(() -> new AssertionError("the Cluster manages no role " + login.role));
            String where = "the managed role " + login.role;
            assertEquals("present", role.get("ensure"), where);
            assertEquals(Boolean.TRUE, role.get("login"), where + " logs in");
            for (String right : List.of("superuser", "createdb", "createrole", "replication", "bypassrls")) {
                assertEquals(Boolean.FALSE, role.get(right), where + " has no " + right);
            }
            assertEquals(Map.of("name", login.secret), role.get("passwordSecret"),
                    where + "'s password is the one in the Secret its service reads");
        }
        assertEquals(3, roles.size(), "the Cluster manages the services' roles and no other: " + roles);
    }

    @Test
    void ingestServiceUsesTheRwServiceQueryServiceReadsFromRoAndFallsBackToRw() {
        List<HasMetadata> objects = prod();
        GenericKubernetesResource cluster = theCluster();
        String name = cluster.getMetadata().getName();
        String database = cluster.get("spec", "bootstrap", "initdb", "database");
        // The Services the operator makes for every Cluster: <name>-rw the primary, <name>-ro the replicas.
        String readWrite = name + "-rw";
        String readOnly = name + "-ro";

        Container ingest = container(objects, "ingest-service");
        assertDatabaseAt(value(ingest, "NEWSROOM_DB_URL"), readWrite, database, "ingest-service writes and migrates on the primary");
        assertFalse(names(ingest).contains("NEWSROOM_DB_READ_URL"), "ingest-service never reads from a replica");

        Container query = container(objects, "query-service");
        assertDatabaseAt(value(query, "NEWSROOM_DB_URL"), readWrite, database,
                "query-service's primary datasource (its own writes, the fallback) is the primary");
        assertDatabaseAt(value(query, "NEWSROOM_DB_READ_URL"), readOnly, database, "query-service reads from the replicas");
        for (String[] login : new String[][] {{"NEWSROOM_DB_USER", "username"}, {"NEWSROOM_DB_PASSWORD", "password"},
                {"NEWSROOM_DB_READ_USER", "username"}, {"NEWSROOM_DB_READ_PASSWORD", "password"}}) {
            EnvVar variable = query.getEnv().stream().filter(env -> env.getName().equals(login[0])).findFirst()
                    .orElseThrow(() -> new AssertionError("query-service has no " + login[0]));
            assertTrue(variable.getValueFrom() != null && variable.getValueFrom().getSecretKeyRef() != null
                            && DatabaseLogin.READER.secret.equals(variable.getValueFrom().getSecretKeyRef().getName())
                            && login[1].equals(variable.getValueFrom().getSecretKeyRef().getKey()),
                    "query-service's " + login[0] + " is the " + login[1] + " of " + DatabaseLogin.READER.secret);
        }
    }

    /**
     * Who reaches the instances, port by port, under every NetworkPolicy of prod, from each
     * pod that might try: exactly ingest-service the primary, query-service the primary and
     * the replicas, the instances and the operator each other's PostgreSQL and status ports,
     * Prometheus the exporter; nothing else.
     */
    @Test
    void networkPoliciesLetExactlyTheseClientsReachThePrimaryAndTheReplicas() {
        List<HasMetadata> objects = prod();
        String name = theCluster().getMetadata().getName();
        String namespace = ofKind(objects, Namespace.class).get(0).getMetadata().getName();
        NetworkPaths paths = new NetworkPaths(namespace, ofKind(objects, NetworkPolicy.class));

        Pod primary = paths.pod("primary", Map.of("cnpg.io/cluster", name, "cnpg.io/instanceRole", "primary"));
        Pod replica = paths.pod("replica", Map.of("cnpg.io/cluster", name, "cnpg.io/instanceRole", "replica"));
        List<Pod> sources = List.of(
                paths.pod("ingest-service", Map.of("app", "ingest-service")),
                paths.pod("query-service", Map.of("app", "query-service")),
                paths.pod("nlp-service", Map.of("app", "nlp-service")),
                paths.pod("another pod of the namespace", Map.of("app", "debug")),
                primary,
                replica,
                new Pod("operator", Map.of(NetworkPaths.NAMESPACE_NAME, "cnpg-system"),
                        Map.of("app.kubernetes.io/name", "cloudnative-pg")),
                new Pod("prometheus", Map.of(NetworkPaths.NAMESPACE_NAME, "monitoring", "newsroom.io/metrics-scraper", "true"),
                        Map.of("app.kubernetes.io/name", "prometheus")),
                new Pod("a pod of another namespace", Map.of(NetworkPaths.NAMESPACE_NAME, "elsewhere"), Map.of("app", "query-service")));

        Set<String> allowed = new TreeSet<>();
        Set<String> admitted = new TreeSet<>();
        for (Pod source : sources) {
            for (Pod instance : List.of(primary, replica)) {
                for (int port : List.of(POSTGRESQL_PORT, INSTANCE_STATUS_PORT, METRICS_PORT)) {
                    String path = source + " -> " + instance + ":" + port;
                    if (paths.allows(source, instance, port)) {
                        allowed.add(path);
                    }
                    if (paths.admits(source, instance, port)) {
                        admitted.add(path);
                    }
                }
            }
        }
        Set<String> expected = new TreeSet<>(List.of(
                "ingest-service -> primary:5432",
                "query-service -> primary:5432",
                "query-service -> replica:5432",
                "primary -> primary:5432", "primary -> primary:8000", "primary -> replica:5432", "primary -> replica:8000",
                "replica -> primary:5432", "replica -> primary:8000", "replica -> replica:5432", "replica -> replica:8000",
                "operator -> primary:5432", "operator -> primary:8000", "operator -> replica:5432", "operator -> replica:8000",
                "prometheus -> primary:9187", "prometheus -> replica:9187"));
        assertEquals(expected, allowed, "who reaches the CloudNativePG instances in prod");
        // Each wall holds alone: the instances' ingress admits no more than the clients' egress lets out.
        assertEquals(expected, admitted, "whom the CloudNativePG instances' ingress admits in prod");

        // The instances' own egress: DNS, each other, and HTTPS (the API server, the object store).
        NetworkPolicy instances = ofKind(objects, NetworkPolicy.class).stream()
                .filter(policy -> Map.of("cnpg.io/cluster", name).equals(policy.getSpec().getPodSelector().getMatchLabels()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("a NetworkPolicy selects every pod of the cluster"));
        assertTrue(instances.getSpec().getPolicyTypes().contains("Egress"), "the instances' egress is restricted");
        for (NetworkPolicyEgressRule rule : instances.getSpec().getEgress()) {
            Set<Integer> ports = new TreeSet<>(rule.getPorts().stream().map(NetworkPolicyPort::getPort).map(port -> port.getIntVal()).toList());
            boolean toAddresses = !rule.getTo().isEmpty() && rule.getTo().stream().allMatch(peer -> peer.getIpBlock() != null);
            boolean allowedRule = ports.equals(Set.of(53))
                    || ports.equals(Set.of(POSTGRESQL_PORT, INSTANCE_STATUS_PORT)) && rule.getTo().stream().allMatch(peer ->
                            peer.getIpBlock() == null && peer.getNamespaceSelector() == null
                                    && Map.of("cnpg.io/cluster", name).equals(peer.getPodSelector().getMatchLabels()))
                    || toAddresses && Set.of(443, 6443).containsAll(ports) && !ports.isEmpty();
            assertTrue(allowedRule, "the instances may call DNS, each other and HTTPS only, not " + rule);
        }
    }

    @Test
    void aPodMonitorScrapesEveryInstancesMetricsPort() {
        String name = theCluster().getMetadata().getName();
        List<GenericKubernetesResource> monitors = custom(prod(), "monitoring.coreos.com/v1", "PodMonitor");
        assertEquals(1, monitors.size(), "one PodMonitor: " + monitors);
        GenericKubernetesResource monitor = monitors.get(0);
        assertEquals(Map.of("cnpg.io/cluster", name), monitor.get("spec", "selector", "matchLabels"),
                "the PodMonitor selects the cluster's pods");
        List<Map<String, Object>> endpoints = monitor.get("spec", "podMetricsEndpoints");
        assertEquals(List.of("metrics"), endpoints.stream().map(endpoint -> endpoint.get("port")).toList(),
                "it scrapes the exporter's port, named metrics");
    }

    @Test
    void baseBackupsGoNightlyToTheObjectStoreTheClusterArchivesItsWalTo() {
        List<HasMetadata> objects = prod();
        GenericKubernetesResource cluster = theCluster();
        String name = cluster.getMetadata().getName();
        assertTrue(cluster.get("spec", "backup") == null,
                "backups use the Barman Cloud Plugin, not the deprecated spec.backup.barmanObjectStore");

        List<Map<String, Object>> plugins = cluster.get("spec", "plugins");
        assertNotNull(plugins, "the Cluster uses the Barman Cloud Plugin");
        Map<String, Object> barman = plugins.stream().filter(plugin -> BARMAN_CLOUD_PLUGIN.equals(plugin.get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("the Cluster does not use " + BARMAN_CLOUD_PLUGIN));
        assertEquals(Boolean.TRUE, barman.get("isWALArchiver"), "the plugin archives every WAL segment");
        @SuppressWarnings("unchecked")
        String storeName = (String) ((Map<String, Object>) barman.get("parameters")).get("barmanObjectName");
        GenericKubernetesResource store = custom(objects, "barmancloud.cnpg.io/v1", "ObjectStore").stream()
                .filter(object -> object.getMetadata().getName().equals(storeName))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no ObjectStore " + storeName + " in prod"));
        String destination = store.get("spec", "configuration", "destinationPath");
        assertTrue(destination != null && destination.matches("(s3|gs)://.+|https://.+"), "a bucket to write to: " + destination);
        assertNotNull(store.get("spec", "configuration", "s3Credentials", "accessKeyId", "name"), "the key comes from a Secret");
        assertNotNull(store.get("spec", "retentionPolicy"), "old backups are deleted after a stated time");

        List<GenericKubernetesResource> schedules = custom(objects, CNPG_API, "ScheduledBackup");
        assertEquals(1, schedules.size(), "one backup schedule: " + schedules);
        GenericKubernetesResource schedule = schedules.get(0);
        assertEquals(name, schedule.get("spec", "cluster", "name"), "the schedule backs up the cluster");
        assertEquals("plugin", schedule.get("spec", "method"));
        assertEquals(BARMAN_CLOUD_PLUGIN, schedule.get("spec", "pluginConfiguration", "name"), "through the same plugin");
        String cron = schedule.get("spec", "schedule");
        assertEquals(6, cron.trim().split("\\s+").length, "a six-field schedule (seconds first): " + cron);
        assertTrue(cron.trim().split("\\s+")[3].equals("*"), "every day: " + cron);
    }

    @Test
    void devKeepsItsSinglePostgresAndHasNoCluster() {
        List<HasMetadata> objects = rendered(DEV);
        assertTrue(cloudNativePgCluster(objects).isEmpty(), "dev runs no CloudNativePG Cluster");
        assertTrue(ofKind(objects, GenericKubernetesResource.class).stream()
                        .noneMatch(object -> object.getApiVersion().endsWith("cnpg.io/v1")),
                "dev needs no CloudNativePG operator");
        assertEquals(1, ofKind(objects, StatefulSet.class).stream()
                .filter(statefulSet -> statefulSet.getMetadata().getName().equals("postgres")).count(),
                "dev keeps components/postgres-in-cluster");
    }

    private static List<GenericKubernetesResource> custom(List<HasMetadata> objects, String apiVersion, String kind) {
        return ofKind(objects, GenericKubernetesResource.class).stream()
                .filter(object -> object.getApiVersion().equals(apiVersion) && object.getKind().equals(kind))
                .toList();
    }

    private static Container container(List<HasMetadata> objects, String name) {
        return ofKind(objects, Deployment.class).stream()
                .filter(deployment -> deployment.getMetadata().getName().equals(name))
                .flatMap(deployment -> deployment.getSpec().getTemplate().getSpec().getContainers().stream())
                .filter(container -> container.getName().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no container " + name));
    }

    private static String value(Container container, String variable) {
        return container.getEnv().stream().filter(env -> env.getName().equals(variable)).findFirst()
                .map(EnvVar::getValue)
                .orElseThrow(() -> new AssertionError(container.getName() + " sets no " + variable));
    }

    private static List<String> names(Container container) {
        return container.getEnv().stream().map(EnvVar::getName).toList();
    }

    /** {@code jdbcUrl} names PostgreSQL's port of the Service {@code host} and the database {@code database}, over TLS. */
    private static void assertDatabaseAt(String jdbcUrl, String host, String database, String what) {
        assertNotNull(jdbcUrl, what);
        assertTrue(jdbcUrl.startsWith("jdbc:postgresql://"), what + ": " + jdbcUrl);
        URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
        assertEquals(host, uri.getHost(), what + ": " + jdbcUrl);
        assertEquals(POSTGRESQL_PORT, uri.getPort(), what + ": " + jdbcUrl);
        assertEquals("/" + database, uri.getPath(), what + ": " + jdbcUrl);
        assertTrue(uri.getQuery() != null && List.of(uri.getQuery().split("&")).contains("sslmode=require"),
                what + ", over TLS: " + jdbcUrl);
    }
}
