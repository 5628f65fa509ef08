package newsroom.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.grpc.Status;
import java.net.ConnectException;
import java.nio.file.NoSuchFileException;
import newsroom.cli.grpc.Endpoint;
import newsroom.cli.grpc.ServiceCallException;
import org.junit.jupiter.api.Test;

class ErrorMessagesTest {

    private static final Endpoint INGEST = Endpoint.of("ingest-service", "localhost:9092");

    @Test
    void aRefusedConnectionSaysWhichServiceIsUnreachableAndHowToStartIt() {
        Status refused = Status.UNAVAILABLE.withDescription("io exception")
                .withCause(new ConnectException("Connection refused: localhost/127.0.0.1:9092"));
        assertEquals("cannot reach ingest-service at localhost:9092 — is it running? start it with ./newsroom up",
                ErrorMessages.describe(new ServiceCallException(INGEST, refused)));
    }

    @Test
    void unavailableFromARunningServiceKeepsItsReason() {
        Status loading = Status.UNAVAILABLE.withDescription("the language models are still loading; retry later");
        assertEquals("UNAVAILABLE: the language models are still loading; retry later",
                ErrorMessages.describe(new ServiceCallException(INGEST, loading)));
    }

    @Test
    void otherStatusesShowTheirCodeAndTheServicesMessage() {
        assertEquals("INVALID_ARGUMENT: article.content: must not be empty",
                ErrorMessages.describe(new ServiceCallException(INGEST,
                        Status.INVALID_ARGUMENT.withDescription("article.content: must not be empty"))));
        assertEquals("NOT_FOUND from ingest-service at localhost:9092",
                ErrorMessages.describe(new ServiceCallException(INGEST, Status.NOT_FOUND)));
    }

    @Test
    void fileAndUserErrorsAreOneLineWithoutExceptionNames() {
        assertEquals("no such file or directory: story.txt", ErrorMessages.describe(new NoSuchFileException("story.txt")));
        assertEquals("--limit: must be at least 1, not 0", ErrorMessages.describe(new UserError("--limit: must be at least 1, not 0")));
    }
}
