package newsroom.query;

import static newsroom.query.GrpcAssertions.assertFailsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import grpc.health.v1.HealthGrpc;
import grpc.health.v1.HealthOuterClass.HealthCheckRequest;
import grpc.health.v1.HealthOuterClass.HealthCheckResponse;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.quarkus.test.junit.QuarkusTest;
import java.util.concurrent.TimeUnit;
import newsroom.auth.BearerKey;
import newsroom.query.v1.ListEventsRequest;
import newsroom.query.v1.QueryServiceGrpc;
import newsroom.query.v1.SearchEntitiesRequest;
import newsroom.testkeys.ChosenKeyTest;
import org.junit.jupiter.api.Test;

/**
 * Only a key with the reader role may query; probes need none. Calls go over a plain
 * channel of this test's own, so no test interceptor adds a key behind its back.
 */
@QuarkusTest
class AccessControlTest extends ChosenKeyTest {

    private static final SearchEntitiesRequest QUERY = SearchEntitiesRequest.newBuilder().setQuery("Lavrov").build();

    @Test
    void aReaderMayQuery() {
        assertEquals(0, stub(new BearerKey(readerKey)).searchEntities(QUERY).getEntitiesCount());
    }

    @Test
    void noKeyIsUnauthenticatedAndSaysHowToGetOne() {
        assertFailsWith(Status.Code.UNAUTHENTICATED, "no credential: send an API key as the metadata"
                + " \"authorization: Bearer <key>\"", () -> stub().searchEntities(QUERY));
    }

    @Test
    void anUnknownOrMalformedKeyIsUnauthenticated() {
        assertFailsWith(Status.Code.UNAUTHENTICATED, "unknown API key: it was never issued or has been revoked",
                () -> stub(new BearerKey(readerKey + "x")).searchEntities(QUERY));
        assertFailsWith(Status.Code.UNAUTHENTICATED, "malformed authorization metadata: expected \"Bearer <key>\"",
                () -> stub(header("Basic " + readerKey)).searchEntities(QUERY));
        assertFailsWith(Status.Code.UNAUTHENTICATED, "malformed authorization metadata",
                () -> stub(header("Bearer ")).searchEntities(QUERY));
    }

    @Test
    void aWriterMayNotQuery() {
        assertFailsWith(Status.Code.PERMISSION_DENIED, "the API key \"test-writer\" lacks the reader role that"
                + " newsroom.query.v1.QueryService needs; issue a key with `newsroom credentials issue --role reader`",
                () -> stub(new BearerKey(writerKey)).searchEntities(QUERY));
    }

    @Test
    void listEventsNeedsTheReaderRoleToo() {
        ListEventsRequest events = ListEventsRequest.newBuilder().setEntityId(987_654_321L).build();
        // Past access control: the service itself answers, for an entity it does not know.
        assertFailsWith(Status.Code.NOT_FOUND, "entity 987654321 does not exist",
                () -> stub(new BearerKey(readerKey)).listEvents(events));
        assertFailsWith(Status.Code.PERMISSION_DENIED, "the API key \"test-writer\" lacks the reader role",
                () -> stub(new BearerKey(writerKey)).listEvents(events));
        assertFailsWith(Status.Code.UNAUTHENTICATED, "no credential", () -> stub().listEvents(events));
    }

    @Test
    void healthNeedsNoKey() {
        HealthCheckResponse response = HealthGrpc.newBlockingStub(channel)
                .withDeadlineAfter(10, TimeUnit.SECONDS).check(HealthCheckRequest.newBuilder().build());
        assertEquals(HealthCheckResponse.ServingStatus.SERVING, response.getStatus());
    }

    private QueryServiceGrpc.QueryServiceBlockingStub stub(ClientInterceptor... interceptors) {
        return QueryServiceGrpc.newBlockingStub(channel).withInterceptors(interceptors)
                .withDeadlineAfter(10, TimeUnit.SECONDS);
    }

    /** Sends {@code value} as the authorization metadata exactly as given. */
    private static ClientInterceptor header(String value) {
        return new ClientInterceptor() {
            @Override
            public <Q, A> ClientCall<Q, A> interceptCall(MethodDescriptor<Q, A> method, CallOptions options, Channel next) {
                return new ForwardingClientCall.SimpleForwardingClientCall<>(next.newCall(method, options)) {
                    @Override
                    public void start(Listener<A> listener, Metadata headers) {
                        headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), value);
                        super.start(listener, headers);
                    }
                };
            }
        };
    }
}
