package newsroom.auth;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which role each gRPC service of the suite needs, in one table for all three services.
 * Health and reflection stay open: probes and tools call them without credentials. Any
 * other service is closed to everyone.
 */
public final class ServiceAccess {

    private static final Map<String, Role> REQUIRED_ROLES = Map.of(
            "newsroom.ingest.v1.IngestService", Role.WRITER,
            "newsroom.query.v1.QueryService", Role.READER,
            "newsroom.nlp.v1.NlpService", Role.ANALYZER);

    private static final Set<String> OPEN_SERVICES = Set.of(
            "grpc.health.v1.Health",
            "grpc.reflection.v1.ServerReflection",
            "grpc.reflection.v1alpha.ServerReflection");

    private ServiceAccess() {
    }

    public static boolean isOpen(String service) {
        return OPEN_SERVICES.contains(service);
    }

    /** The role a caller of {@code service} needs; empty for a service no one may call. */
    public static Optional<Role> requiredRole(String service) {
        return Optional.ofNullable(REQUIRED_ROLES.get(service));
    }
}
