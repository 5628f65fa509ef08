package newsroom.cli.run;

import java.nio.file.Path;

/** A service that exited, or did not become ready in time, while the suite was starting. */
public final class ServiceStartException extends Exception {

    private final String serviceName;
    private final Path logFile;

    public ServiceStartException(String serviceName, String message, Path logFile) {
        super(message);
        this.serviceName = serviceName;
        this.logFile = logFile;
    }

    public String serviceName() {
        return serviceName;
    }

    public Path logFile() {
        return logFile;
    }
}
