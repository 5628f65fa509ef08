package newsroom.cli.sources;

import java.util.concurrent.Callable;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** A sources command about one source, named by the ID argument. */
abstract class OneSourceCommand implements Callable<Integer> {

    @ParentCommand
    SourcesCommand sources;

    @Parameters(paramLabel = "ID", description = "The source's id, as 'newsroom sources list' shows it.")
    String id;

    /** @throws newsroom.cli.UserError when the ID is not a source id, before anything is sent */
    long sourceId() {
        return SourceId.parse(id);
    }
}
