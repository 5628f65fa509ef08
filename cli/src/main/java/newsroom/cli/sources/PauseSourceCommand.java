package newsroom.cli.sources;

import java.util.concurrent.Callable;
import newsroom.cli.grpc.ServiceCallException;
import newsroom.cli.grpc.ServiceChannel;
import newsroom.ingest.v1.PauseSourceRequest;
import newsroom.ingest.v1.Source;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code newsroom sources pause ID}. */
@Command(name = "pause", mixinStandardHelpOptions = true,
        description = "Stops fetching a source until 'newsroom sources resume ID'; what it brought stays stored.")
public class PauseSourceCommand implements Callable<Integer> {

    @ParentCommand
    SourcesCommand sources;

    @Parameters(paramLabel = "ID", description = "The source's id, as 'newsroom sources list' shows it.")
    String id;

    @Override
    public Integer call() {
        PauseSourceRequest request = PauseSourceRequest.newBuilder().setId(SourceId.parse(id)).build();
        try (ServiceChannel ingest = sources.channel()) {
            Source source = ServiceCallException.call(ingest.endpoint(),
                    () -> SourcesCommand.stub(ingest).pauseSource(request));
            System.out.println("Paused " + SourceDescription.named(source) + "; 'newsroom sources resume "
                    + source.getId() + "' fetches it again.");
        }
        return 0;
    }
}
