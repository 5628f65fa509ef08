package newsroom.cli.sources;

import java.util.concurrent.Callable;
import newsroom.cli.grpc.ServiceCallException;
import newsroom.cli.grpc.ServiceChannel;
import newsroom.ingest.v1.DeleteSourceRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code newsroom sources remove ID}. */
@Command(name = "remove", mixinStandardHelpOptions = true,
        description = "Stops following a source and forgets its schedule and the items it has seen; the articles"
                + " it brought stay stored.")
public class RemoveSourceCommand implements Callable<Integer> {

    @ParentCommand
    SourcesCommand sources;

    @Parameters(paramLabel = "ID", description = "The source's id, as 'newsroom sources list' shows it.")
    String id;

    @Override
    public Integer call() {
        long sourceId = SourceId.parse(id);
        try (ServiceChannel ingest = sources.channel()) {
            ServiceCallException.call(ingest.endpoint(), () -> SourcesCommand.stub(ingest)
                    .deleteSource(DeleteSourceRequest.newBuilder().setId(sourceId).build()));
        }
        System.out.println("Removed source " + sourceId + "; the articles it brought stay stored.");
        return 0;
    }
}
