package newsroom.cli.run;

import java.util.LinkedHashMap;
import java.util.Map;

/** The port each service listens on (gRPC and HTTP share it). */
public record ServicePorts(int nlp, int ingest, int query) {

    public static ServicePorts fromEnvironment(Map<String, String> environment) {
        return new ServicePorts(
                port(environment, Service.NLP),
                port(environment, Service.INGEST),
                port(environment, Service.QUERY));
    }

    public int of(Service service) {
        return switch (service) {
            case NLP -> nlp;
            case INGEST -> ingest;
            case QUERY -> query;
        };
    }

    /** The port variables every service gets, so each can also find the others. */
    public Map<String, String> asEnvironment() {
        Map<String, String> variables = new LinkedHashMap<>();
        for (Service service : Service.values()) {
            variables.put(service.portVariable(), Integer.toString(of(service)));
        }
        return variables;
    }

    private static int port(Map<String, String> environment, Service service) {
        return EnvironmentValues.port(environment, service.portVariable(), service.defaultPort());
    }
}
