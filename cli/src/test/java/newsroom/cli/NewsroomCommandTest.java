package newsroom.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.quarkus.test.junit.main.Launch;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import newsroom.cli.run.PortCheck;
import newsroom.ingest.v1.ArticleStatus;
import newsroom.ingest.v1.IngestArticleRequest;
import newsroom.ingest.v1.IngestArticleResponse;
import newsroom.ingest.v1.IngestArticlesRequest;
import newsroom.ingest.v1.IngestArticlesResponse;
import newsroom.ingest.v1.IngestResult;
import newsroom.ingest.v1.IngestServiceGrpc;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code newsroom} command as a user runs it: help, errors as one line, and the
 * ingest client against a gRPC server on this machine that answers like ingest-service.
 */
@QuarkusMainTest
class NewsroomCommandTest {

    @Test
    @Launch({"--help"})
    void helpListsEveryCommandButTheInternalOne(LaunchResult result) {
        for (String command : List.of("up", "down", "status", "demo", "ingest", "reanalyze", "article", "search",
                "entities", "quotes", "events", "analyze", "sources", "retention")) {
            assertTrue(result.getOutput().contains("\n  " + command + " "), command + " in " + result.getOutput());
        }
        assertFalse(result.getOutput().contains("supervise"));
    }

    @Test
    void anUnreachableServiceIsOneLineNamingItAndHowToStartIt(QuarkusMainLauncher launcher) throws Exception {
        int port = PortCheck.freePort();
        LaunchResult result = launcher.launch("search", "--query", "localhost:" + port, "Kashmir");
        assertEquals(1, result.exitCode());
        assertEquals("newsroom: cannot reach query-service at localhost:" + port
                + " — is it running? start it with ./newsroom up", result.getErrorOutput().strip());
    }

    @Test
    void aServiceErrorIsItsCodeAndMessageOnOneLine(QuarkusMainLauncher launcher, @TempDir Path directory) throws Exception {
        Path empty = Files.writeString(directory.resolve("empty.txt"), "");
        Server server = ServerBuilder.forPort(0).addService(new IngestServiceGrpc.IngestServiceImplBase() {
            @Override
            public void ingestArticle(IngestArticleRequest request, StreamObserver<IngestArticleResponse> response) {
                response.onError(Status.INVALID_ARGUMENT.withDescription("article.content: must not be empty").asRuntimeException());
            }
        }).build().start();
        try {
            LaunchResult result = launcher.launch("ingest", "--ingest", "localhost:" + server.getPort(), empty.toString());
            assertEquals(1, result.exitCode());
            assertEquals("newsroom: INVALID_ARGUMENT: article.content: must not be empty", result.getErrorOutput().strip());
        } finally {
            server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void manyFilesGoOverOneStreamWithOneJsonLineEach(QuarkusMainLauncher launcher, @TempDir Path directory) throws Exception {
        Files.writeString(directory.resolve("a.txt"), "Lavrov arrived in Islamabad.");
        Files.writeString(directory.resolve("b.html"), "<p>Lavrov arrived in Islamabad.</p>");
        Files.writeString(directory.resolve("c.txt"), " ");
        List<IngestArticlesRequest> received = new ArrayList<>();
        Server server = ServerBuilder.forPort(0).addService(new StreamingIngest(received)).build().start();
        try {
            LaunchResult json = launcher.launch("ingest", "--json", "--source", "Dawn", "--published", "2021-04-07",
                    "--ingest", "localhost:" + server.getPort(), directory.toString());
            assertEquals(1, json.exitCode(), "a rejected article makes the exit code 1");
            List<JsonObject> lines = json.getOutputStream().stream()
                    .filter(line -> !line.isBlank())
                    .map(line -> JsonParser.parseString(line).getAsJsonObject())
                    .toList();
            assertEquals(3, lines.size(), json.getOutput());
            assertEquals(7, lines.get(0).get("id").getAsLong());
            assertEquals("ACCEPTED", lines.get(0).get("status").getAsString());
            assertEquals(0, lines.get(0).get("duplicateOf").getAsLong());
            assertEquals(5, lines.get(1).get("duplicateOf").getAsLong());
            assertTrue(lines.get(1).get("alreadyStored").getAsBoolean());
            assertEquals("REJECTED", lines.get(2).get("status").getAsString());
            assertEquals("article.content: must not be empty", lines.get(2).get("error").getAsString());

            assertEquals(3, received.size());
            assertEquals("Dawn", received.get(0).getArticle().getSource());
            assertEquals(1617753600L, received.get(0).getArticle().getPublishedTime().getSeconds());
            assertEquals("HTML", received.get(1).getArticle().getContentType().name());

            LaunchResult text = launcher.launch("ingest", "--ingest", "localhost:" + server.getPort(), directory.toString());
            assertTrue(text.getOutput().contains(
                    "accepted 1 (0 same story as an earlier article, 0 not in English), already stored 1, rejected 1"), text.getOutput());
            assertTrue(text.getOutput().contains("c.txt: rejected: article.content: must not be empty"), text.getOutput());
        } finally {
            server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void aFileWhosePathIsLongerThanAClientReferenceMayBeGetsItsOwnResult(QuarkusMainLauncher launcher,
                                                                          @TempDir Path directory) throws Exception {
        // ingest-service rejects a client_reference over 256 bytes; a path can be much longer.
        Path deep = Files.createDirectories(directory.resolve("a-rather-long-directory-name-for-one-publisher-".repeat(2))
                .resolve("and-one-more-level-of-the-archive-by-year-month-and-day-".repeat(2))
                .resolve("then-the-section-of-the-paper-where-the-article-appeared-".repeat(2)));
        Path file = Files.writeString(deep.resolve("the-article-itself-with-its-whole-headline-as-its-name.txt"),
                "Lavrov arrived in Islamabad.");
        assertTrue(file.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 256);
        Files.writeString(directory.resolve("empty.txt"), " ");
        List<IngestArticlesRequest> received = new ArrayList<>();
        Server server = ServerBuilder.forPort(0).addService(new StreamingIngest(received)).build().start();
        try {
            LaunchResult text = launcher.launch("ingest", "--ingest", "localhost:" + server.getPort(), directory.toString());
            assertEquals(2, received.size());
            for (IngestArticlesRequest request : received) {
                assertTrue(request.getClientReferenceBytes().size() <= 256, request.getClientReference());
            }
            assertTrue(text.getOutput().contains("accepted 1 "), text.getOutput());
            assertTrue(text.getOutput().contains("empty.txt: rejected: article.content: must not be empty"),
                    text.getOutput());
        } finally {
            server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void aPublishedTimeThatIsNotOneIsAUsageError(QuarkusMainLauncher launcher, @TempDir Path directory) throws Exception {
        Path file = Files.writeString(directory.resolve("a.txt"), "text");
        LaunchResult result = launcher.launch("ingest", "--published", "last week", file.toString());
        assertEquals(2, result.exitCode());
        assertTrue(result.getErrorOutput().contains("--published"), result.getErrorOutput());
    }

    /** Answers each streamed article: the first is new, the second a resubmission, empty ones rejected. */
    private static final class StreamingIngest extends IngestServiceGrpc.IngestServiceImplBase {

        private final List<IngestArticlesRequest> received;

        StreamingIngest(List<IngestArticlesRequest> received) {
            this.received = received;
        }

        @Override
        public StreamObserver<IngestArticlesRequest> ingestArticles(StreamObserver<IngestArticlesResponse> response) {
            received.clear();
            return new StreamObserver<>() {
                private final IngestArticlesResponse.Builder results = IngestArticlesResponse.newBuilder();

                @Override
                public void onNext(IngestArticlesRequest request) {
                    received.add(request);
                    IngestResult.Builder result = IngestResult.newBuilder().setClientReference(request.getClientReference());
                    if (request.getArticle().getContent().toStringUtf8().isBlank()) {
                        result.setStatus(ArticleStatus.REJECTED).setError("article.content: must not be empty");
                        results.setRejectedCount(results.getRejectedCount() + 1);
                    } else if (results.getResultsCount() == 0) {
                        result.setStatus(ArticleStatus.ACCEPTED).setArticleId(7);
                        results.setAcceptedCount(results.getAcceptedCount() + 1);
                    } else {
                        result.setStatus(ArticleStatus.ANALYZED).setArticleId(8).setAlreadyStored(true).setDuplicateOf(5);
                        results.setAlreadyStoredCount(results.getAlreadyStoredCount() + 1);
                    }
                    results.addResults(result);
                }

                @Override
                public void onError(Throwable error) {
                }

                @Override
                public void onCompleted() {
                    response.onNext(results.build());
                    response.onCompleted();
                }
            };
        }
    }
}
