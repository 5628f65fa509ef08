package newsroom.cli.run;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ports each service listens on: gRPC for clients ({@link #of}), and the admin port for
 * health and metrics ({@link #adminOf}).
 */
public record ServicePorts(int nlp, int ingest, int query, int nlpAdmin, int ingestAdmin, int queryAdmin) {

    public static ServicePorts fromEnvironment(Map<String, String> environment) {
        return new ServicePorts(
                port(environment, Service.NLP),
                port(environment, Service.INGEST),
                port(environment, Service.QUERY),
                adminPort(environment, Service.NLP),
                adminPort(environment, Service.INGEST),
                adminPort(environment, Service.QUERY));
    }

    /** Six ports nothing listens on now, for tests and throw-away suites. */
    public static ServicePorts free() throws IOException {
        return new ServicePorts(PortCheck.freePort(), PortCheck.freePort(), PortCheck.freePort(),
                PortCheck.freePort(), PortCheck.freePort(), PortCheck.freePort());
    }

    /** The service's gRPC port. */
    public int of(Service service) {
        return switch (service) {
            case NLP -> nlp;
            case INGEST -> ingest;
            case QUERY -> query;
        };
    }

    /** The service's admin port ({@code /q/health}, {@code /q/metrics}). */
    public int adminOf(Service service) {
        return switch (service) {
            case NLP -> nlpAdmin;
            case INGEST -> ingestAdmin;
            case QUERY -> queryAdmin;
        };
    }

    /**
     * The port variables every service gets: each service's own gRPC and admin ports, and the
     * others' gRPC ports so each can find the others.
     */
    public Map<String, String> asEnvironment() {
        Map<String, String> variables = new LinkedHashMap<>();
        for (Service service : Service.values()) {
            variables.put(service.portVariable(), Integer.toString(of(service)));
            variables.put(service.adminPortVariable(), Integer.toString(adminOf(service)));
        }
        return variables;
    }

    private static int port(Map<String, String> environment, Service service) {
        return EnvironmentValues.port(environment, service.portVariable(), service.defaultPort());
    }

    private static int adminPort(Map<String, String> environment, Service service) {
        return EnvironmentValues.port(environment, service.adminPortVariable(), service.defaultAdminPort());
    }
}
