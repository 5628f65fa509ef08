package newsroom.deploy;

import static org.junit.jupiter.api.Assertions.fail;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Fails on any field the Kubernetes API does not know. The fabric8 model keeps unknown
 * fields in each object's {@code additionalProperties} instead of rejecting them (and
 * an unknown kind becomes a {@link GenericKubernetesResource}), so a misspelt
 * {@code readinesProbe} would load silently and be dropped by the API server; this walks
 * the loaded objects and reports every such field with its path. The operators' kinds
 * (cert-manager, CloudNativePG, the Prometheus Operator), which the model does not hold,
 * have their spec's fields checked against a list.
 */
final class UnknownFields {

    private static final String MODEL_PACKAGE = "io.fabric8.kubernetes.api.model";

    private UnknownFields() {
    }

    /** A kind of an operator's API, which the fabric8 model does not hold. */
    private record CustomKind(String apiVersion, String kind) {
    }

    /**
     * The operators' kinds the manifests use, with the fields of their spec that each API
     * defines: the fabric8 model does not know them, so they are checked against these lists
     * instead. cert-manager.io/v1: https://cert-manager.io/docs/reference/api-docs/;
     * postgresql.cnpg.io/v1: CloudNativePG 1.30's API reference; barmancloud.cnpg.io/v1: the
     * Barman Cloud Plugin's; monitoring.coreos.com/v1: the Prometheus Operator's.
     */
    private static final Map<CustomKind, Set<String>> SPEC_FIELDS = Map.of(
            new CustomKind("cert-manager.io/v1", "Certificate"), Set.of("secretName", "issuerRef", "dnsNames", "ipAddresses",
                    "uris", "emailAddresses", "commonName", "isCA", "duration", "renewBefore", "privateKey", "usages",
                    "subject", "secretTemplate", "keystores", "literalSubject", "revisionHistoryLimit",
                    "encodeUsagesInRequest"),
            new CustomKind("cert-manager.io/v1", "Issuer"), Set.of("selfSigned", "ca", "acme", "vault", "venafi"),
            new CustomKind("cert-manager.io/v1", "ClusterIssuer"), Set.of("selfSigned", "ca", "acme", "vault", "venafi"),
            new CustomKind("postgresql.cnpg.io/v1", "Cluster"), Set.of("description", "inheritedMetadata", "imageName",
                    "imageCatalogRef", "imagePullPolicy", "schedulerName", "postgresUID", "postgresGID", "instances",
                    "minSyncReplicas", "maxSyncReplicas", "postgresql", "replicationSlots", "bootstrap", "replica",
                    "superuserSecret", "enableSuperuserAccess", "certificates", "imagePullSecrets", "storage",
                    "serviceAccountTemplate", "walStorage", "ephemeralVolumeSource", "startDelay", "stopDelay",
                    "smartShutdownTimeout", "switchoverDelay", "failoverDelay", "livenessProbeTimeout", "affinity",
                    "topologySpreadConstraints", "resources", "ephemeralVolumesSizeLimit", "priorityClassName",
                    "primaryUpdateStrategy", "primaryUpdateMethod", "backup", "nodeMaintenanceWindow", "monitoring",
                    "externalClusters", "logLevel", "projectedVolumeTemplate", "env", "envFrom", "managed",
                    "seccompProfile", "podSecurityContext", "securityContext", "tablespaces", "enablePDB", "plugins",
                    "probes"),
            new CustomKind("postgresql.cnpg.io/v1", "ScheduledBackup"), Set.of("suspend", "immediate", "schedule", "cluster",
                    "backupOwnerReference", "target", "method", "pluginConfiguration", "online", "onlineConfiguration"),
            new CustomKind("barmancloud.cnpg.io/v1", "ObjectStore"), Set.of("configuration", "retentionPolicy",
                    "instanceSidecarConfiguration"),
            new CustomKind("monitoring.coreos.com/v1", "PodMonitor"), Set.of("jobLabel", "podTargetLabels",
                    "podMetricsEndpoints", "selector", "selectorMechanism", "namespaceSelector", "sampleLimit",
                    "targetLimit", "labelLimit", "labelNameLengthLimit", "labelValueLengthLimit", "keepDroppedTargets",
                    "attachMetadata", "scrapeClass", "bodySizeLimit", "scrapeProtocols", "fallbackScrapeProtocol"));

    static void assertNone(HasMetadata object) {
        String name = object.getKind() + "/" + object.getMetadata().getName();
        if (object instanceof GenericKubernetesResource resource) {
            assertKnownCustomObject(name, resource);
            return;
        }
        List<String> unknown = new ArrayList<>();
        walk(object, name, unknown);
        if (!unknown.isEmpty()) {
            fail("fields the Kubernetes API does not know: " + unknown);
        }
    }

    private static void assertKnownCustomObject(String name, GenericKubernetesResource resource) {
        Set<String> specFields = SPEC_FIELDS.get(new CustomKind(resource.getApiVersion(), resource.getKind()));
        if (specFields == null) {
            fail(name + ": kind " + resource.getApiVersion() + " " + resource.getKind()
                    + " is neither part of the Kubernetes API model nor an operator's kind the manifests use");
        }
        List<String> unknown = new ArrayList<>();
        resource.getAdditionalProperties().keySet().stream()
                .filter(field -> !field.equals("spec"))
                .forEach(field -> unknown.add(name + "." + field));
        if (resource.get("spec") instanceof Map<?, ?> spec) {
            spec.keySet().stream().filter(field -> !specFields.contains(field))
                    .forEach(field -> unknown.add(name + ".spec." + field));
        } else {
            unknown.add(name + ": no spec");
        }
        if (!unknown.isEmpty()) {
            fail("fields " + resource.getApiVersion() + " does not know: " + unknown);
        }
    }

    private static void walk(Object value, String path, List<String> unknown) {
        if (value instanceof Collection<?> items) {
            int index = 0;
            for (Object item : items) {
                walk(item, path + "[" + index++ + "]", unknown);
            }
            return;
        }
        if (value instanceof Map<?, ?> entries) {
            entries.forEach((key, item) -> walk(item, path + "[" + key + "]", unknown));
            return;
        }
        if (value == null || !value.getClass().getName().startsWith(MODEL_PACKAGE)) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                    || !getter.getName().startsWith("get") || getter.getDeclaringClass() == Object.class) {
                continue;
            }
            Object field = invoke(getter, value);
            if (getter.getName().equals("getAdditionalProperties")) {
                if (field instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    extra.keySet().forEach(key -> unknown.add(path + "." + key));
                }
            } else {
                walk(field, path + "." + fieldName(getter), unknown);
            }
        }
    }

    private static Object invoke(Method getter, Object target) {
        try {
            return getter.invoke(target);
        } catch (IllegalAccessException | InvocationTargetException e) {
            return null;
        }
    }

    private static String fieldName(Method getter) {
        String name = getter.getName().substring(3);
        return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
