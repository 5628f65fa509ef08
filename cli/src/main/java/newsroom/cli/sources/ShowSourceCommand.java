package newsroom.cli.sources;

import java.time.Instant;
import newsroom.cli.output.Reply;
import newsroom.ingest.v1.GetSourceRequest;
import newsroom.ingest.v1.Source;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code newsroom sources show ID}: one source, every field, the last error in full. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Shows one source: its URL, kind, interval, fetches, counts and its last error in full.")
public class ShowSourceCommand extends OneSourceCommand {

    @Option(names = "--json", description = "Print the source as proto3 JSON (newsroom.ingest.v1.Source).")
    boolean json;

    @Override
    public Integer call() {
        GetSourceRequest request = GetSourceRequest.newBuilder().setId(sourceId()).build();
        Source source = sources.call(stub -> stub.getSource(request));
        Reply.print(json, source, shown -> SourceDescription.lines(shown, Instant.now()).forEach(System.out::println));
        return 0;
    }
}
