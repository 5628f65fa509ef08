package newsroom.cli.query;

import com.google.gson.JsonObject;
import java.util.Iterator;
import java.util.concurrent.Callable;
import newsroom.cli.NewsroomCommand;
import newsroom.cli.grpc.ServiceCallException;
import newsroom.cli.grpc.ServiceChannel;
import newsroom.cli.output.ProtoJson;
import newsroom.cli.run.Service;
import newsroom.query.v1.ExportAnalysesRequest;
import newsroom.query.v1.ExportedAnalysis;
import newsroom.query.v1.QueryServiceGrpc;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code newsroom export}: every matching analysis as JSON lines. Its data is JSON with or
 * without {@code --json}; the option makes the closing count, on stderr so that stdout stays one
 * kind of line, a JSON object too.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Prints every analysed article matching the filters with its analysis, one proto3 JSON"
                + " ExportedAnalysis per line, oldest id first; a count goes to stderr.")
public class ExportCommand implements Callable<Integer> {

    @ParentCommand
    NewsroomCommand newsroom;

    @Option(names = "--entity", paramLabel = "ID", description = "Only articles that mention this entity.")
    long entityId;

    @Option(names = "--source", paramLabel = "NAME", description = "Only articles of this publisher.")
    String source;

    @Mixin
    PublishedRange published;

    @Option(names = "--json", description = "Print the count on stderr as JSON too: {\"exported\": N}."
            + " The analyses on stdout are JSON lines either way.")
    boolean json;

    @Override
    public Integer call() {
        ExportAnalysesRequest.Builder request = ExportAnalysesRequest.newBuilder().setEntityId(entityId);
        if (source != null) {
            request.setSource(source);
        }
        published.applyTo(request::setStartTime, request::setEndTime);
        long count = 0;
        try (ServiceChannel query = newsroom.channel(Service.QUERY)) {
            // No deadline: an export takes as long as the store is large.
            Iterator<ExportedAnalysis> stream = QueryServiceGrpc.newBlockingStub(query.channel())
                    .exportAnalyses(request.build());
            while (ServiceCallException.call(query.endpoint(), stream::hasNext)) {
                System.out.println(ProtoJson.printOneLine(stream.next()));
                count++;
            }
        }
        if (json) {
            JsonObject summary = new JsonObject();
            summary.addProperty("exported", count);
            System.err.println(summary);
        } else {
            System.err.println("exported " + count + " analyses");
        }
        return 0;
    }
}
