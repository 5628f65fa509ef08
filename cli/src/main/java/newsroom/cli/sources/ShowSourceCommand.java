package newsroom.cli.sources;

import java.time.Instant;
import java.util.concurrent.Callable;
import newsroom.cli.grpc.ServiceCallException;
import newsroom.cli.grpc.ServiceChannel;
import newsroom.cli.output.ProtoJson;
import newsroom.ingest.v1.GetSourceRequest;
import newsroom.ingest.v1.Source;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code newsroom sources show ID}: one source, every field, the last error in full. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Shows one source: its URL, kind, interval, fetches, counts and its last error in full.")
public class ShowSourceCommand implements Callable<Integer> {

    @ParentCommand
    SourcesCommand sources;

    @Parameters(paramLabel = "ID", description = "The source's id, as 'newsroom sources list' shows it.")
    String id;

    @Option(names = "--json", description = "Print the source as proto3 JSON (newsroom.ingest.v1.Source).")
    boolean json;

    @Override
    public Integer call() {
        GetSourceRequest request = GetSourceRequest.newBuilder().setId(SourceId.parse(id)).build();
        Source source;
        try (ServiceChannel ingest = sources.channel()) {
            source = ServiceCallException.call(ingest.endpoint(), () -> SourcesCommand.stub(ingest).getSource(request));
        }
        if (json) {
            System.out.println(ProtoJson.print(source));
        } else {
            SourceDescription.lines(source, Instant.now()).forEach(System.out::println);
        }
        return 0;
    }
}
