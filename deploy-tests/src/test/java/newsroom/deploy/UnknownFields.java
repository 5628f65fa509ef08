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
 * the loaded objects and reports every such field with its path. cert-manager's kinds,
 * which the model does not hold, have their spec's fields checked against a list.
 */
final class UnknownFields {

    private static final String MODEL_PACKAGE = "io.fabric8.kubernetes.api.model";

    private UnknownFields() {
    }

    /**
     * The cert-manager kinds the manifests use, with the fields of their spec that
     * cert-manager.io/v1 defines (https://cert-manager.io/docs/reference/api-docs/): the
     * fabric8 model does not know them, so they are checked against this list instead.
     */
    private static final Map<String, Set<String>> CERT_MANAGER_SPEC_FIELDS = Map.of(
            "Certificate", Set.of("secretName", "issuerRef", "dnsNames", "ipAddresses", "uris", "emailAddresses",
                    "commonName", "isCA", "duration", "renewBefore", "privateKey", "usages", "subject",
                    "secretTemplate", "keystores", "literalSubject", "revisionHistoryLimit", "encodeUsagesInRequest"),
            "Issuer", Set.of("selfSigned", "ca", "acme", "vault", "venafi"),
            "ClusterIssuer", Set.of("selfSigned", "ca", "acme", "vault", "venafi"));
    private static final String CERT_MANAGER_API = "cert-manager.io/v1";

    static void assertNone(HasMetadata object) {
        String name = object.getKind() + "/" + object.getMetadata().getName();
        if (object instanceof GenericKubernetesResource resource) {
            assertKnownCertManagerObject(name, resource);
            return;
        }
        List<String> unknown = new ArrayList<>();
        walk(object, name, unknown);
        if (!unknown.isEmpty()) {
            fail("fields the Kubernetes API does not know: " + unknown);
        }
    }

    private static void assertKnownCertManagerObject(String name, GenericKubernetesResource resource) {
        Set<String> specFields = CERT_MANAGER_SPEC_FIELDS.get(resource.getKind());
        if (!CERT_MANAGER_API.equals(resource.getApiVersion()) || specFields == null) {
            fail(name + ": kind " + resource.getApiVersion() + " " + resource.getKind()
                    + " is neither part of the Kubernetes API model nor a cert-manager kind the manifests use");
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
            fail("fields cert-manager does not know: " + unknown);
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
