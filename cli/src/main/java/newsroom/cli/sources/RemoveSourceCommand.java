package newsroom.cli.sources;

import newsroom.ingest.v1.DeleteSourceRequest;
import picocli.CommandLine.Command;

/** {@code newsroom sources remove ID}. */
@Command(name = "remove", mixinStandardHelpOptions = true,
        description = "Stops following a source and forgets its schedule and the items it has seen; the articles"
                + " it brought stay stored.")
public class RemoveSourceCommand extends OneSourceCommand {

    @Override
    public Integer call() {
        DeleteSourceRequest request = DeleteSourceRequest.newBuilder().setId(sourceId()).build();
        sources.call(stub -> stub.deleteSource(request));
        System.out.println("Removed source " + request.getId() + "; the articles it brought stay stored.");
        return 0;
    }
}
