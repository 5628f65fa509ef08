package newsroom.cli.sources;

import java.util.concurrent.Callable;
import newsroom.cli.grpc.ServiceCallException;
import newsroom.cli.grpc.ServiceChannel;
import newsroom.ingest.v1.ResumeSourceRequest;
import newsroom.ingest.v1.Source;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code newsroom sources resume ID}. */
@Command(name = "resume", mixinStandardHelpOptions = true,
        description = "Fetches a paused source again, starting now.")
public class ResumeSourceCommand implements Callable<Integer> {

    @ParentCommand
    SourcesCommand sources;

    @Parameters(paramLabel = "ID", description = "The source's id, as 'newsroom sources list' shows it.")
    String id;

    @Override
    public Integer call() {
        ResumeSourceRequest request = ResumeSourceRequest.newBuilder().setId(SourceId.parse(id)).build();
        try (ServiceChannel ingest = sources.channel()) {
            Source source = ServiceCallException.call(ingest.endpoint(),
                    () -> SourcesCommand.stub(ingest).resumeSource(request));
            System.out.println("Resumed " + SourceDescription.named(source) + ", fetched every "
                    + SourceInterval.describe(source.getInterval()) + ".");
        }
        return 0;
    }
}
