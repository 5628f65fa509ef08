package newsroom.cli.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.grpc.stub.StreamObserver;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import newsroom.cli.LocalGrpcServer;
import newsroom.ingest.v1.ArticleStatus;
import newsroom.nlp.v1.Analysis;
import newsroom.nlp.v1.TemporalExpression;
import newsroom.query.v1.ArticleSummary;
import newsroom.query.v1.ExportAnalysesRequest;
import newsroom.query.v1.ExportedAnalysis;
import newsroom.query.v1.QueryServiceGrpc;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code newsroom export} as a script runs it: the analyses on stdout, one JSON object a line,
 * and the count on stderr, a JSON object with {@code --json}; against a gRPC server on this
 * machine that streams like query-service.
 */
@QuarkusMainTest
class ExportCommandTest {

    private final List<ExportAnalysesRequest> requests = new CopyOnWriteArrayList<>();

    @RegisterExtension
    final LocalGrpcServer server = new LocalGrpcServer(new QueryServiceGrpc.QueryServiceImplBase() {
        @Override
        public void exportAnalyses(ExportAnalysesRequest request, StreamObserver<ExportedAnalysis> response) {
            requests.add(request);
            for (long id : new long[] {3, 8}) {
                response.onNext(ExportedAnalysis.newBuilder()
                        .setArticle(ArticleSummary.newBuilder().setId(id).setSource("Dawn")
                                .setStatus(ArticleStatus.ANALYZED))
                        .setAnalysis(Analysis.newBuilder().addTemporalExpressions(TemporalExpression.newBuilder()
                                .setText("Wednesday").setValue("2021-04-07").setType(TemporalExpression.Type.DATE)))
                        .putGlobalEntityIds("e1", 7)
                        .build());
            }
            response.onCompleted();
        }
    });

    @Test
    void jsonMakesTheCountAJsonObjectAndLeavesTheLinesAsTheyAre(QuarkusMainLauncher launcher) {
        LaunchResult result = launcher.launch("export", "--json", "--source", "Dawn", "--query", server.address());

        assertEquals(0, result.exitCode(), result.getErrorOutput());
        assertEquals("Dawn", requests.get(0).getSource());
        List<String> lines = result.getOutputStream();
        assertEquals(2, lines.size(), result.getOutput());
        JsonObject first = JsonParser.parseString(lines.get(0)).getAsJsonObject();
        assertEquals("3", first.getAsJsonObject("article").get("id").getAsString());
        assertEquals(7, first.getAsJsonObject("globalEntityIds").get("e1").getAsInt());
        // Scripts match these names: a renamed enum value must fail here.
        assertEquals("ANALYZED", first.getAsJsonObject("article").get("status").getAsString());
        assertEquals("DATE", first.getAsJsonObject("analysis").getAsJsonArray("temporalExpressions").get(0)
                .getAsJsonObject().get("type").getAsString());
        JsonObject summary = JsonParser.parseString(result.getErrorOutput().strip()).getAsJsonObject();
        assertEquals(2, summary.get("exported").getAsInt());
        assertEquals(1, summary.size(), summary.toString());
    }

    @Test
    void withoutJsonTheCountIsASentence(QuarkusMainLauncher launcher) {
        LaunchResult result = launcher.launch("export", "--query", server.address());

        assertEquals(0, result.exitCode(), result.getErrorOutput());
        assertEquals(2, result.getOutputStream().size(), result.getOutput());
        assertEquals("exported 2 analyses", result.getErrorOutput().strip());
    }

}
