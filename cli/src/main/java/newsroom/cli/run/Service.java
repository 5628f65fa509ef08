package newsroom.cli.run;

import java.nio.file.Path;
import java.util.List;

/** The three services of the suite, with what it takes to run each as a process. */
public enum Service {
    // CoreNLP's models need about 2 GB of heap; dying on OOM beats limping on.
    NLP("nlp-service", "NEWSROOM_NLP_PORT", 9091, "NEWSROOM_NLP_ADMIN_PORT", 9191,
            List.of("-Xmx3g", "-XX:+ExitOnOutOfMemoryError")),
    INGEST("ingest-service", "NEWSROOM_INGEST_PORT", 9092, "NEWSROOM_INGEST_ADMIN_PORT", 9192,
            List.of("-Xmx512m", "-XX:+ExitOnOutOfMemoryError")),
    QUERY("query-service", "NEWSROOM_QUERY_PORT", 9093, "NEWSROOM_QUERY_ADMIN_PORT", 9193,
            List.of("-Xmx512m", "-XX:+ExitOnOutOfMemoryError"));

    private final String moduleName;
    private final String portVariable;
    private final int defaultPort;
    private final String adminPortVariable;
    private final int defaultAdminPort;
    private final List<String> jvmOptions;

    Service(String moduleName, String portVariable, int defaultPort, String adminPortVariable, int defaultAdminPort,
            List<String> jvmOptions) {
        this.moduleName = moduleName;
        this.portVariable = portVariable;
        this.defaultPort = defaultPort;
        this.adminPortVariable = adminPortVariable;
        this.defaultAdminPort = defaultAdminPort;
        this.jvmOptions = jvmOptions;
    }

    /** The service's name, which is also its Maven module's directory. */
    public String displayName() {
        return moduleName;
    }

    /** The environment variable that carries the service's gRPC port, for it and for its clients. */
    public String portVariable() {
        return portVariable;
    }

    public int defaultPort() {
        return defaultPort;
    }

    /**
     * The environment variable that carries the service's admin port, where it serves
     * {@code /q/health} and {@code /q/metrics} (plaintext, never on the gRPC port).
     */
    public String adminPortVariable() {
        return adminPortVariable;
    }

    public int defaultAdminPort() {
        return defaultAdminPort;
    }

    public List<String> jvmOptions() {
        return jvmOptions;
    }

    /** The runnable jar a build of the repository at {@code home} produces. */
    public Path jar(Path home) {
        return home.resolve(moduleName).resolve("target/quarkus-app/quarkus-run.jar");
    }
}
