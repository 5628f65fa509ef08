package newsroom.cli.sources;

import newsroom.ingest.v1.ResumeSourceRequest;
import newsroom.ingest.v1.Source;
import picocli.CommandLine.Command;

/** {@code newsroom sources resume ID}. */
@Command(name = "resume", mixinStandardHelpOptions = true,
        description = "Fetches a paused source again, starting now.")
public class ResumeSourceCommand extends OneSourceCommand {

    @Override
    public Integer call() {
        ResumeSourceRequest request = ResumeSourceRequest.newBuilder().setId(sourceId()).build();
        Source source = sources.call(stub -> stub.resumeSource(request));
        System.out.println("Resumed " + SourceDescription.named(source) + ", fetched every "
                + SourceInterval.describe(source.getInterval()) + ".");
        return 0;
    }
}
