package newsroom.cli;

import io.quarkus.picocli.runtime.annotations.TopCommand;
import java.util.Map;
import newsroom.cli.analyze.AnalyzeCommand;
import newsroom.cli.console.ConsoleCommand;
import newsroom.cli.credentials.ClientKey;
import newsroom.cli.credentials.ClientTls;
import newsroom.cli.credentials.CredentialsCommand;
import newsroom.cli.demo.DemoCommand;
import newsroom.cli.grpc.Endpoint;
import newsroom.cli.grpc.ServiceChannel;
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
import newsroom.cli.retention.RetentionCommand;
import newsroom.cli.run.DownCommand;
import newsroom.cli.run.Service;
import newsroom.cli.run.ServicePorts;
import newsroom.cli.run.StatusCommand;
import newsroom.cli.run.SuperviseCommand;
import newsroom.cli.run.UpCommand;
import newsroom.cli.sources.SourcesCommand;
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
                + "Start the suite with 'newsroom up' (or try 'newsroom demo'), stop it with 'newsroom down';%n"
                + "'newsroom console' opens the web console.",
        subcommands = {
            UpCommand.class,
            DownCommand.class,
            StatusCommand.class,
            ConsoleCommand.class,
            DemoCommand.class,
            IngestCommand.class,
            ReanalyzeCommand.class,
            SourcesCommand.class,
            RetentionCommand.class,
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

    @Option(names = "--insecure", scope = ScopeType.INHERIT,
            description = "Send the API key to a service on another machine without TLS (NEWSROOM_TLS_CA_FILE"
                    + " unset), where anyone on the way can read it; refused otherwise. Only for a network you"
                    + " trust.")
    boolean insecure;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /**
     * A channel to {@code service} at the address given ({@code --ingest}, {@code --query},
     * {@code --nlp}) or on this machine, sending the CLI's key for it ({@link ClientKey}),
     * over TLS when {@link ClientTls} finds a CA.
     */
    public ServiceChannel channel(Service service) {
        return channel(service, System.getenv());
    }

    ServiceChannel channel(Service service, Map<String, String> environment) {
        return ServiceChannel.open(endpoint(service, environment), ClientKey.find(environment, service),
                ClientTls.find(environment), insecure);
    }

    private Endpoint endpoint(Service service, Map<String, String> environment) {
        String address = switch (service) {
            case INGEST -> ingestAddress;
            case QUERY -> queryAddress;
            case NLP -> nlpAddress;
        };
        if (address != null && !address.isBlank()) {
            return Endpoint.of(service.displayName(), address.strip());
        }
        return Endpoint.of(service.displayName(), "localhost:" + ServicePorts.fromEnvironment(environment).of(service));
    }
}
