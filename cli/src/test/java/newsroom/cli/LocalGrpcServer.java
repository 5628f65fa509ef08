package newsroom.cli;

import io.grpc.BindableService;
import io.grpc.Server;
import io.grpc.ServerBuilder;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A gRPC server on this machine, on a free port, answering as the service double a command's
 * test gives it (like ingest-service, like query-service). Registered as an instance
 * extension: it starts before each test and stops after it.
 */
public final class LocalGrpcServer implements BeforeEachCallback, AfterEachCallback {

    private final BindableService service;
    private Server server;

    public LocalGrpcServer(BindableService service) {
        this.service = service;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        server = ServerBuilder.forPort(0).addService(service).build().start();
    }

    @Override
    public void afterEach(ExtensionContext context) throws InterruptedException {
        server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }

    /** Where the server listens, as the commands' --ingest and --query options take it. */
    public String address() {
        return "localhost:" + server.getPort();
    }

    /** {@code command} with {@code arguments}, then {@code option} naming this server: a command line that calls it. */
    public String[] commandLine(String command, String option, String... arguments) {
        String[] line = new String[arguments.length + 3];
        line[0] = command;
        System.arraycopy(arguments, 0, line, 1, arguments.length);
        line[arguments.length + 1] = option;
        line[arguments.length + 2] = address();
        return line;
    }
}
