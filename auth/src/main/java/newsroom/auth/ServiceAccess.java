package newsroom.auth;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which roles may call each gRPC method of the suite, in one table for all three services:
 * a service's role, and the few methods that more roles may call. Health and reflection
 * stay open: probes and tools call them without credentials. Any other service is closed
 * to everyone.
 */
public final class ServiceAccess {

    private static final Map<String, Role> SERVICE_ROLES = Map.of(
            "newsroom.ingest.v1.IngestService", Role.WRITER,
            "newsroom.ingest.v1.SourceService", Role.WRITER,
            // Its dry run changes nothing, but tells what a writer is about to remove: a writer's call.
            "newsroom.ingest.v1.RetentionService", Role.WRITER,
            "newsroom.query.v1.QueryService", Role.READER,
            "newsroom.query.v1.ConsoleService", Role.READER,
            "newsroom.nlp.v1.NlpService", Role.ANALYZER);

    /** Methods open to more than their service's role, by full method name. */
    private static final Map<String, Set<Role>> METHOD_ROLES = Map.of(
            // Following a re-analysis changes nothing: a dashboard with a reader key may watch it.
            "newsroom.ingest.v1.IngestService/GetReanalysis", Set.of(Role.WRITER, Role.READER),
            // Looking at the followed sources, or at what a site offers, changes nothing stored.
            "newsroom.ingest.v1.SourceService/ListSources", Set.of(Role.WRITER, Role.READER),
            "newsroom.ingest.v1.SourceService/GetSource", Set.of(Role.WRITER, Role.READER),
            "newsroom.ingest.v1.SourceService/DiscoverSources", Set.of(Role.WRITER, Role.READER));

    private static final Set<String> OPEN_SERVICES = Set.of(
            "grpc.health.v1.Health",
            "grpc.reflection.v1.ServerReflection",
            "grpc.reflection.v1alpha.ServerReflection");

    /**
     * Who may call a method.
     *
     * @param subject the service, or the method when it has a rule of its own, as refusals name it
     * @param roles   a caller needs one of these
     */
    public record Rule(String subject, Set<Role> roles) {

        public Rule {
            roles = Set.copyOf(roles);
        }
    }

    private ServiceAccess() {
    }

    public static boolean isOpen(String service) {
        return OPEN_SERVICES.contains(service);
    }

    /**
     * The rule for a method by its full name ({@code newsroom.ingest.v1.IngestService/IngestArticle});
     * empty for a method no one may call.
     */
    public static Optional<Rule> ruleFor(String fullMethodName) {
        Set<Role> methodRoles = METHOD_ROLES.get(fullMethodName);
        if (methodRoles != null) {
            return Optional.of(new Rule(fullMethodName, methodRoles));
        }
        int slash = fullMethodName.indexOf('/');
        String service = slash < 0 ? fullMethodName : fullMethodName.substring(0, slash);
        return Optional.ofNullable(SERVICE_ROLES.get(service)).map(role -> new Rule(service, Set.of(role)));
    }
}
