package newsroom.cli.sources;

import newsroom.ingest.v1.PauseSourceRequest;
import newsroom.ingest.v1.Source;
import picocli.CommandLine.Command;

/** {@code newsroom sources pause ID}. */
@Command(name = "pause", mixinStandardHelpOptions = true,
        description = "Stops fetching a source until 'newsroom sources resume ID'; what it brought stays stored.")
public class PauseSourceCommand extends OneSourceCommand {

    @Override
    public Integer call() {
        PauseSourceRequest request = PauseSourceRequest.newBuilder().setId(sourceId()).build();
        Source source = sources.call(stub -> stub.pauseSource(request));
        System.out.println("Paused " + SourceDescription.named(source) + "; 'newsroom sources resume "
                + source.getId() + "' fetches it again.");
        return 0;
    }
}
