package newsroom.cli.demo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import newsroom.cli.NewsroomCommand;
import newsroom.cli.UserError;
import newsroom.cli.grpc.ServiceCallException;
import newsroom.cli.grpc.ServiceChannel;
import newsroom.cli.ingest.AnalysisWaiter;
import newsroom.cli.ingest.ArticleTemplate;
import newsroom.cli.ingest.PublishedTime;
import newsroom.cli.output.AnalysisReport;
import newsroom.cli.output.ProgressLine;
import newsroom.cli.run.CliHome;
import newsroom.cli.run.RunStateReport;
import newsroom.cli.run.Service;
import newsroom.cli.run.SuiteLauncher;
import newsroom.cli.run.SuiteSettings;
import newsroom.ingest.v1.ArticleStatus;
import newsroom.ingest.v1.GetIngestStatusResponse;
import newsroom.ingest.v1.IngestArticleRequest;
import newsroom.ingest.v1.IngestArticleResponse;
import newsroom.ingest.v1.IngestServiceGrpc;
import newsroom.nlp.v1.Analysis;
import newsroom.nlp.v1.Entity;
import newsroom.query.v1.GetArticleRequest;
import newsroom.query.v1.GetArticleResponse;
import newsroom.query.v1.QueryServiceGrpc;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/**
 * {@code newsroom demo}: starts the suite if needed, ingests the sample article and
 * shows what was found in it. Running it again finds the article already stored.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Starts the suite if it is not running, ingests samples/pakistan-russia-2021-04-07.txt"
                + " (Dawn, 2021-04-07) and shows the people, places and dates found, and who said what: quotes and"
                + " reported speech by speaker.")
public class DemoCommand implements Callable<Integer> {

    static final String SAMPLE = "samples/pakistan-russia-2021-04-07.txt";
    private static final Duration ANALYSIS_TIMEOUT = Duration.ofMinutes(10);

    @ParentCommand
    NewsroomCommand newsroom;

    @Override
    public Integer call() throws Exception {
        SuiteSettings settings = SuiteSettings.fromEnvironment(System.getenv(), CliHome.repository());
        Path sample = settings.home().resolve(SAMPLE);
        if (!Files.isRegularFile(sample)) {
            throw new UserError("the sample article is missing: " + sample);
        }
        ProgressLine progress = ProgressLine.onStandardError();
        boolean[] startedNow = new boolean[1];
        var state = new SuiteLauncher(settings).ensureRunning(System.out, progress, startedNow);
        if (startedNow[0]) {
            System.out.println("Newsroom is running.");
            RunStateReport.print(state, System.out);
            System.out.println();
        }

        ArticleTemplate template = new ArticleTemplate("Dawn", null, null, PublishedTime.parse("2021-04-07"));
        long articleId;
        try (ServiceChannel ingest = newsroom.channel(Service.INGEST)) {
            IngestArticleRequest request = IngestArticleRequest.newBuilder().setArticle(template.articleFrom(sample)).build();
            IngestArticleResponse response = ServiceCallException.call(ingest.endpoint(), () ->
                    IngestServiceGrpc.newBlockingStub(ingest.channel())
                            .withDeadlineAfter(60, TimeUnit.SECONDS)
                            .ingestArticle(request));
            articleId = response.getArticleId();
            System.out.println("Ingested " + SAMPLE + " (Dawn, published 2021-04-07) as article " + articleId
                    + (response.getAlreadyStored() ? " (already stored by an earlier run)" : "") + ".");
            long start = System.nanoTime();
            GetIngestStatusResponse status = new AnalysisWaiter(ingest)
                    .await(List.of(articleId), ANALYSIS_TIMEOUT, progress).get(articleId);
            if (status.getStatus() == ArticleStatus.FAILED) {
                throw new UserError("the analysis of article " + articleId + " failed: " + status.getError());
            }
            if (response.getStatus() != ArticleStatus.ANALYZED) {
                System.out.println("Analysed in " + Duration.ofNanos(System.nanoTime() - start).toSeconds() + " s.");
            }
        }

        GetArticleResponse article;
        try (ServiceChannel query = newsroom.channel(Service.QUERY)) {
            article = ServiceCallException.call(query.endpoint(), () ->
                    QueryServiceGrpc.newBlockingStub(query.channel())
                            .withDeadlineAfter(30, TimeUnit.SECONDS)
                            .getArticle(GetArticleRequest.newBuilder().setArticleId(articleId).build()));
        }
        System.out.println();
        printFindings(article.getAnalysis());
        System.out.println("The suite keeps running. Try:");
        Map<String, String> next = new LinkedHashMap<>();
        next.put("./newsroom quotes --form indirect", "reported speech, newest first");
        next.put("./newsroom quotes --speaker Lavrov", "what Lavrov said, quoted or reported");
        lavrovsId(article).ifPresent(id -> next.put("./newsroom events --entity " + id,
                "what Lavrov did, with whom, where and when"));
        next.put("./newsroom search Kashmir", "articles with the word");
        next.put("./newsroom article " + articleId, "the sample with its whole analysis");
        int width = next.keySet().stream().mapToInt(String::length).max().orElse(0);
        next.forEach((command, what) -> System.out.println("  " + command + " ".repeat(width - command.length() + 2) + what));
        System.out.println("./newsroom down stops it.");
        return 0;
    }

    /** The global entity id of the sample's Sergey Lavrov, if he was found. */
    static Optional<Long> lavrovsId(GetArticleResponse article) {
        return article.getAnalysis().getEntitiesList().stream()
                .filter(entity -> entity.getType() == Entity.Type.PERSON && entity.getName().contains("Lavrov"))
                .map(entity -> article.getGlobalEntityIdsMap().get(entity.getId()))
                .filter(Objects::nonNull)
                .findFirst();
    }

    private static void printFindings(Analysis analysis) {
        AnalysisReport.section(System.out, "People",
                AnalysisReport.entities(analysis.getEntitiesList(), entity -> entity.getType() == Entity.Type.PERSON));
        AnalysisReport.section(System.out, "Places",
                AnalysisReport.entities(analysis.getEntitiesList(),
                        entity -> entity.getType() == Entity.Type.GPE || entity.getType() == Entity.Type.LOCATION));
        AnalysisReport.section(System.out, "Organizations",
                AnalysisReport.entities(analysis.getEntitiesList(), entity -> entity.getType() == Entity.Type.ORGANIZATION));
        AnalysisReport.section(System.out, "Dates", AnalysisReport.dates(analysis.getTemporalExpressionsList()));
        AnalysisReport.printWhoSaidWhat(analysis.getQuotesList(), System.out);
    }

}
