package newsroom.cli.sources;

import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import newsroom.cli.NewsroomCommand;
import newsroom.cli.grpc.ServiceCallException;
import newsroom.cli.grpc.ServiceChannel;
import newsroom.cli.run.Service;
import newsroom.ingest.v1.SourceServiceGrpc;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code newsroom sources}: the feeds and sitemaps ingest-service follows by itself (docs/sources.md). */
@Command(name = "sources", mixinStandardHelpOptions = true,
        description = {
            "The news sources Newsroom follows by itself: RSS and Atom feeds, sitemaps and Google News sitemaps."
                + " Each is fetched on its own schedule (every 15 minutes unless told otherwise, faster while it"
                + " brings new items, slower while it does not) and every new item's page is ingested once.",
            "Start with 'newsroom sources add URL', or 'newsroom sources add --discover URL' to find the feeds of a"
                + " site. Changes need the writer key; list and show work with the reader key too. See"
                + " docs/sources.md."
        },
        subcommands = {
            AddSourceCommand.class,
            ListSourcesCommand.class,
            ShowSourceCommand.class,
            PauseSourceCommand.class,
            ResumeSourceCommand.class,
            RemoveSourceCommand.class,
            FetchSourceCommand.class,
            ImportSourcesCommand.class
        })
public class SourcesCommand implements Runnable {

    /** Every call but FetchSource answers from the store at once. */
    private static final long DEADLINE_SECONDS = 30;

    @ParentCommand
    NewsroomCommand newsroom;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** A channel to ingest-service, which serves SourceService. */
    ServiceChannel channel() {
        return newsroom.channel(Service.INGEST);
    }

    /**
     * One call on a channel of its own, with the deadline every call but FetchSource gets.
     *
     * @throws ServiceCallException naming ingest-service when the call fails
     */
    <R> R call(Function<SourceServiceGrpc.SourceServiceBlockingStub, R> rpc) {
        try (ServiceChannel ingest = channel()) {
            return ServiceCallException.call(ingest.endpoint(), () -> rpc.apply(stub(ingest)));
        }
    }

    /** A blocking stub with the deadline every call but FetchSource gets. */
    static SourceServiceGrpc.SourceServiceBlockingStub stub(ServiceChannel channel) {
        return SourceServiceGrpc.newBlockingStub(channel.channel()).withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS);
    }
}
