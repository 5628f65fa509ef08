package newsroom.cli;

import io.quarkus.picocli.runtime.annotations.TopCommand;
import java.util.Map;
import newsroom.cli.analyze.AnalyzeCommand;
import newsroom.cli.credentials.CredentialsCommand;
import newsroom.cli.demo.DemoCommand;
import newsroom.cli.grpc.Endpoint;
import newsroom.cli.ingest.IngestCommand;
import newsroom.cli.ingest.ReanalyzeCommand;
import newsroom.cli.query.ArticleCommand;
import newsroom.cli.query.CoMentionsCommand;
import newsroom.cli.query.EntitiesCommand;
import newsroom.cli.query.EntityCommand;
import newsroom.cli.query.EventsCommand;
import newsroom.cli.query.ExportCommand;
import newsroom.cli.query.QuotesCommand;
import newsroom.cli.query.SearchCommand;
import newsroom.cli.query.StoriesCommand;
import newsroom.cli.query.StoryCommand;
import newsroom.cli.query.TimelineCommand;
import newsroom.cli.run.DownCommand;
import newsroom.cli.run.Service;
import newsroom.cli.run.ServicePorts;
import newsroom.cli.run.StatusCommand;
import newsroom.cli.run.SuperviseCommand;
import newsroom.cli.run.UpCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** {@code newsroom}: runs the suite and asks it questions. */
@TopCommand
@Command(name = "newsroom",
        mixinStandardHelpOptions = true,
        versionProvider = NewsroomVersion.class,
        description = "Newsroom: entities, quotes and dates from news articles.%n"
                + "Start the suite with 'newsroom up' (or try 'newsroom demo'), stop it with 'newsroom down'.",
        subcommands = {
            UpCommand.class,
            DownCommand.class,
            StatusCommand.class,
            DemoCommand.class,
            IngestCommand.class,
            ReanalyzeCommand.class,
            ArticleCommand.class,
            SearchCommand.class,
            EntitiesCommand.class,
            QuotesCommand.class,
            EventsCommand.class,
            EntityCommand.class,
            CoMentionsCommand.class,
            TimelineCommand.class,
            StoriesCommand.class,
            StoryCommand.class,
            ExportCommand.class,
            AnalyzeCommand.class,
            CredentialsCommand.class,
            SuperviseCommand.class
        })
public class NewsroomCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Option(names = "--ingest", paramLabel = "HOST:PORT", scope = ScopeType.INHERIT,
            description = "ingest-service address (default: localhost:$NEWSROOM_INGEST_PORT, else localhost:9092)")
    String ingestAddress;

    @Option(names = "--query", paramLabel = "HOST:PORT", scope = ScopeType.INHERIT,
            description = "query-service address (default: localhost:$NEWSROOM_QUERY_PORT, else localhost:9093)")
    String queryAddress;

    @Option(names = "--nlp", paramLabel = "HOST:PORT", scope = ScopeType.INHERIT,
            description = "nlp-service address (default: localhost:$NEWSROOM_NLP_PORT, else localhost:9091)")
    String nlpAddress;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public Endpoint ingest() {
        return endpoint(Service.INGEST, ingestAddress);
    }

    public Endpoint query() {
        return endpoint(Service.QUERY, queryAddress);
    }

    public Endpoint nlp() {
        return endpoint(Service.NLP, nlpAddress);
    }

    private static Endpoint endpoint(Service service, String address) {
        if (address != null && !address.isBlank()) {
            return Endpoint.of(service.displayName(), address.strip());
        }
        Map<String, String> environment = System.getenv();
        return Endpoint.of(service.displayName(), "localhost:" + ServicePorts.fromEnvironment(environment).of(service));
    }
}
