package newsroom.cli.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.protobuf.Timestamp;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.util.concurrent.atomic.AtomicInteger;
import newsroom.cli.LocalGrpcServer;
import newsroom.query.v1.ConsoleServiceGrpc;
import newsroom.query.v1.CreateSignInLinkRequest;
import newsroom.query.v1.SignInLink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code newsroom console} as a user runs it, against a gRPC server on this machine that hands
 * out sign-in links as query-service does (a new token on every call) or refuses the caller.
 */
@QuarkusMainTest
class ConsoleCommandTest {

    private final AtomicInteger linksGiven = new AtomicInteger();
    private volatile Status refusal;

    @RegisterExtension
    final LocalGrpcServer server = new LocalGrpcServer(new ConsoleServiceGrpc.ConsoleServiceImplBase() {
        @Override
        public void createSignInLink(CreateSignInLinkRequest request, StreamObserver<SignInLink> response) {
            if (refusal != null) {
                response.onError(refusal.asRuntimeException());
                return;
            }
            response.onNext(SignInLink.newBuilder()
                    .setPath("/sign-in?token=one-time-" + linksGiven.incrementAndGet())
                    .setExpireTime(Timestamp.newBuilder().setSeconds(1_796_000_000L))
                    .build());
            response.onCompleted();
        }
    });

    @Test
    void printsTheSignInUrlOnTheQueryServicesAddress(QuarkusMainLauncher launcher) {
        LaunchResult printed = launcher.launch("console", "--no-open", "--query", server.address());

        assertEquals(0, printed.exitCode(), printed.getErrorOutput());
        assertEquals("http://" + server.address() + "/sign-in?token=one-time-1", printed.getOutput().strip(),
                "stdout is the URL alone, for scripts");
        assertTrue(printed.getErrorOutput().contains("The link signs in once until 2026-11-30T00:53:20Z"),
                printed.getErrorOutput());
    }

    @Test
    void jsonPrintsTheUrlAsAnObject(QuarkusMainLauncher launcher) {
        LaunchResult printed = launcher.launch("console", "--json", "--no-open", "--query", server.address());

        assertEquals(0, printed.exitCode(), printed.getErrorOutput());
        JsonObject json = JsonParser.parseString(printed.getOutput()).getAsJsonObject();
        assertEquals("http://" + server.address() + "/sign-in?token=one-time-1", json.get("url").getAsString());
        assertEquals(1, json.size(), "only the url: " + json);
    }

    @Test
    void aRefusedKeyIsReportedWithoutAUrl(QuarkusMainLauncher launcher) {
        refusal = Status.PERMISSION_DENIED.withDescription("the key's roles (ingester) do not include reader");

        LaunchResult printed = launcher.launch("console", "--no-open", "--query", server.address());

        assertTrue(printed.exitCode() != 0, "a refused call fails the command");
        assertTrue(printed.getOutput().isBlank(), "no URL when there is no link: " + printed.getOutput());
        assertTrue(printed.getErrorOutput().contains("reader"), printed.getErrorOutput());
    }

}
