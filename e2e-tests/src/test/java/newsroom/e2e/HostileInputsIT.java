package newsroom.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.grpc.CompressorRegistry;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import newsroom.auth.BearerKey;
import newsroom.auth.Role;
import newsroom.cli.grpc.Endpoint;
import newsroom.cli.grpc.ServiceChannel;
import newsroom.cli.run.ReadinessProbe;
import newsroom.cli.run.Service;
import newsroom.cli.run.ServicePorts;
import newsroom.cli.run.ServiceProcess;
import newsroom.cli.run.Suite;
import newsroom.e2e.HostileInput.Answer;
import newsroom.ingest.v1.Article;
import newsroom.ingest.v1.ArticleStatus;
import newsroom.ingest.v1.IngestArticleRequest;
import newsroom.ingest.v1.IngestArticleResponse;
import newsroom.ingest.v1.IngestServiceGrpc;
import newsroom.localpostgres.DatabaseRole;
import newsroom.nlp.v1.AnalyzeDocumentRequest;
import newsroom.nlp.v1.AnalyzeDocumentResponse;
import newsroom.nlp.v1.Document;
import newsroom.nlp.v1.NlpServiceGrpc;
import newsroom.query.v1.GetArticleRequest;
import newsroom.query.v1.QueryServiceGrpc;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The proof against hostile clients: the three services as real processes (nlp-service
 * with CoreNLP, since its parsers are among what is attacked) on a real PostgreSQL, sent well
 * over 100 hostile requests built by {@link HostileInputs}. Each must be answered with the
 * status it deserves and a message naming the field or limit (never UNKNOWN or INTERNAL, never
 * a hang), store nothing (every table's row count unchanged), and leave every service alive
 * and ready; after them all, ordinary requests still work.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileInputsIT {

    private static final Path LOGS = SuiteUnderTest.LOGS.resolve("hostile");

    /** Bounds, not expectations: a slow CI machine may need all of them. */
    private static final Duration START_LIMIT = Duration.ofMinutes(5);
    private static final Duration ANSWER_LIMIT = Duration.ofSeconds(RawCalls.DEADLINE_SECONDS + 30);
    private static final int AT_LEAST = 100;

    @RegisterExtension
    static final SuiteUnderTest SUITE = new SuiteUnderTest();
    private static StoreContents store;
    private static Suite suite;
    private static ServicePorts ports;
    private static final List<ServiceChannel> channels = new ArrayList<>();
    private static final List<ManagedChannel> compressingChannels = new ArrayList<>();
    private static HostileInputs.Targets targets;

    @BeforeAll
    static void startTheSuite() throws Exception {
        suite = SUITE.create(LOGS);
        store = new StoreContents(SUITE.postgres().jdbcUrl(), SUITE.postgres().login(DatabaseRole.READER));
        ports = SUITE.ports();
        // A key of its own with every role, whatever roles the CLI's key has.
        String key = suite.credentials().issue(EnumSet.allOf(Role.class), "hostile-inputs").key();
        // nlp-service last: loading CoreNLP takes both cores for a minute, and the others,
        // starting beside it on a busy machine, could wait past their database pool's timeout.
        SUITE.startAndAwait(START_LIMIT, Service.INGEST, Service.QUERY);
        SUITE.startAndAwait(START_LIMIT, Service.NLP);

        Map<Service, io.grpc.Channel> compressing = new EnumMap<>(Service.class);
        Map<Service, Integer> httpPorts = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            compressing.put(service, compressingChannel(ports.of(service), Optional.of(key)));
            httpPorts.put(service, ports.of(service));
        }
        targets = new HostileInputs.Targets(channel(Service.INGEST, key).channel(),
                channel(Service.QUERY, key).channel(), channel(Service.NLP, key).channel(), compressing,
                compressingChannel(ports.of(Service.INGEST), Optional.empty()), httpPorts);
    }

    private static ServiceChannel channel(Service service, String key) {
        ServiceChannel channel = ServiceChannel.open(
                Endpoint.of(service.displayName(), "localhost:" + ports.of(service)), Optional.of(key));
        channels.add(channel);
        return channel;
    }

    /** A channel whose "gzip" and "x-hostile" encodings send bytes the test compressed itself. */
    private static ManagedChannel compressingChannel(int port, Optional<String> key) {
        CompressorRegistry registry = CompressorRegistry.newEmptyInstance();
        registry.register(new RawCalls.AlreadyCompressed("gzip"));
        registry.register(new RawCalls.AlreadyCompressed("x-hostile"));
        ManagedChannelBuilder<?> builder = ManagedChannelBuilder.forAddress("localhost", port).usePlaintext()
                .compressorRegistry(registry);
        key.ifPresent(k -> builder.intercept(new BearerKey(k)));
        ManagedChannel channel = builder.build();
        compressingChannels.add(channel);
        return channel;
    }

    /** Before {@link SuiteUnderTest} stops the services. */
    @AfterAll
    static void closeTheChannels() {
        channels.forEach(ServiceChannel::close);
        compressingChannels.forEach(ManagedChannel::shutdownNow);
    }

    @TestFactory
    @Order(1)
    Stream<DynamicTest> eachHostileInputIsRefusedClearlyStoresNothingAndKillsNothing() {
        List<HostileInput> inputs = HostileInputs.against(targets);
        assertTrue(inputs.size() >= AT_LEAST, "at least " + AT_LEAST + " hostile inputs, built " + inputs.size());
        return inputs.stream().map(input -> DynamicTest.dynamicTest(input.name(), () -> answersClearly(input)));
    }

    private static void answersClearly(HostileInput input) throws Exception {
        Map<String, Long> before = store.rowCounts();

        Answer answer = assertTimeoutPreemptively(ANSWER_LIMIT, input.send()::call,
                () -> "no answer within " + ANSWER_LIMIT.toSeconds() + " s");

        assertTrue(input.acceptable().contains(answer.code()),
                () -> "expected " + input.acceptable() + ", got " + answer);
        assertTrue(answer.message().contains(input.mention()),
                () -> "the answer names " + input.mention() + ": " + answer);
        assertEquals(before, store.rowCounts(), "nothing stored");
        assertEveryServiceReady();
    }

    private static void assertEveryServiceReady() {
        ReadinessProbe probe = new ReadinessProbe();
        for (ServiceProcess process : suite.processes()) {
            assertTrue(process.isAlive(), () -> process.name() + " died: exit code " + process.exitCode());
            assertTrue(process.isReady(probe), () -> process.name() + " is alive but not ready");
        }
    }

    @Test
    @Order(2)
    void everyServiceStillAnswersOrdinaryRequests() throws Exception {
        assertEveryServiceReady();
        long articles = store.count("true");
        for (Service service : Service.values()) {
            // grpc.health.v1.HealthCheckResponse with status (field 1) SERVING (1).
            assertArrayEquals(new byte[] {0x08, 0x01}, RawCalls.unary(targets.compressing().get(service),
                    "grpc.health.v1.Health/Check", new byte[0]), service.displayName() + " is SERVING over gRPC");
        }

        AnalyzeDocumentResponse analyzed = NlpServiceGrpc.newBlockingStub(targets.nlp())
                .withDeadlineAfter(120, TimeUnit.SECONDS)
                .analyzeDocument(AnalyzeDocumentRequest.newBuilder().setDocument(Document.newBuilder()
                        .setType(Document.Type.PLAIN_TEXT)
                        .setContent("Sergey Lavrov arrived in Islamabad on Tuesday.")).build());
        assertTrue(analyzed.getAnalysis().getEntitiesList().stream()
                .anyMatch(entity -> entity.getName().contains("Lavrov")), () -> "Lavrov is found: " + analyzed);

        IngestArticleResponse ingested = IngestServiceGrpc.newBlockingStub(targets.ingest())
                .withDeadlineAfter(30, TimeUnit.SECONDS)
                .ingestArticle(IngestArticleRequest.newBuilder().setArticle(Article.newBuilder()
                        .setSource("Dawn").setTitle("Talks")
                        .setContentType(Article.ContentType.PLAIN_TEXT)
                        .setContent(ByteString.copyFromUtf8("Sergey Lavrov arrived in Islamabad on Tuesday for talks "
                                + "with Shah Mahmood Qureshi, the foreign minister of Pakistan."))).build());
        assertNotEquals(0, ingested.getArticleId());
        assertEquals(ArticleStatus.ACCEPTED, ingested.getStatus());

        assertEquals("Talks", QueryServiceGrpc.newBlockingStub(targets.query()).withDeadlineAfter(30, TimeUnit.SECONDS)
                .getArticle(GetArticleRequest.newBuilder().setArticleId(ingested.getArticleId()).build())
                .getArticle().getTitle());
        assertEquals(articles + 1, store.count("true"), "the ordinary article is stored once");
    }
}
