package newsroom.cli.ingest;

import com.google.protobuf.Timestamp;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import newsroom.cli.NewsroomCommand;
import newsroom.cli.UserError;
import newsroom.cli.grpc.ServiceCallException;
import newsroom.cli.grpc.ServiceChannel;
import newsroom.cli.output.ProgressBar;
import newsroom.cli.output.ProgressLine;
import newsroom.cli.run.Service;
import newsroom.ingest.v1.ArticleStatus;
import newsroom.ingest.v1.GetIngestStatusResponse;
import newsroom.ingest.v1.IngestArticleRequest;
import newsroom.ingest.v1.IngestArticleResponse;
import newsroom.ingest.v1.IngestServiceGrpc;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code newsroom ingest FILE|DIR...}: submits articles to ingest-service. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {
            "Submits articles: each FILE, and every .txt, .jsonl, .html and .htm file under each DIR.",
            ".html and .htm files are sent as HTML, all others as plain text. A .jsonl file holds one article"
                + " per line: {\"text\" or \"html\", \"title\", \"url\", \"source\", \"published\","
                + " \"language\"}. Several articles go over streams, with a progress bar and a final summary"
                + " (accepted, same-story copies, already stored, rejected with reasons)."
                + " Exits with 1 when an article was rejected or its analysis failed."
        })
public class IngestCommand implements Callable<Integer> {

    @ParentCommand
    NewsroomCommand newsroom;

    @Parameters(paramLabel = "FILE|DIR", arity = "1..*", description = "Articles to submit.")
    List<Path> paths;

    @Option(names = "--published", paramLabel = "TIME", converter = PublishedTime.class,
            description = "When the articles were published: YYYY-MM-DD or an ISO-8601 time"
                    + " (default: the time of ingest). Relative dates in the text are resolved against it.")
    Timestamp published;

    @Option(names = "--source", paramLabel = "NAME", description = "The publisher's name, e.g. Dawn.")
    String source;

    @Option(names = "--title", paramLabel = "TEXT", description = "The headline (one file only).")
    String title;

    @Option(names = "--url", paramLabel = "URL", description = "Where the article was published (one file only).")
    String url;

    @Option(names = "--wait", description = "Wait until each article is ANALYZED or FAILED.")
    boolean waitForAnalysis;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "600",
            description = "How long --wait waits (default: ${DEFAULT-VALUE} s).")
    long timeoutSeconds;

    @Option(names = "--json", description = "Print one JSON object per article: file, id, status,"
            + " alreadyStored, duplicateOf and, when rejected or failed, error.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        List<Path> files = ArticleFiles.collect(paths);
        if (files.isEmpty()) {
            throw new UserError("no .txt, .html or .htm files in " + paths);
        }
        if (files.size() > 1 && (title != null || url != null)) {
            throw new UserError("--title and --url describe one article, but " + files.size() + " files were given");
        }
        ArticleTemplate template = new ArticleTemplate(source, title, url, published);
        ProgressLine progress = ProgressLine.onStandardError();
        boolean oneArticle = files.size() == 1 && !ArticleInputs.isJsonLines(files.get(0));
        long total = oneArticle ? 1 : ArticleInputs.count(files);
        try (ServiceChannel ingest = newsroom.channel(Service.INGEST)) {
            List<IngestOutcome> outcomes = oneArticle
                    ? List.of(ingestOne(ingest, files.get(0), template))
                    : new ArticleStream(ingest).send(new ArticleInputs(files, template),
                            done -> progress.update(ProgressBar.render((int) done, (int) total, "articles stored")));
            progress.clear();
            if (waitForAnalysis) {
                outcomes = withFinalStatus(ingest, outcomes, progress);
            }
            print(outcomes);
            boolean anyBad = outcomes.stream()
                    .anyMatch(outcome -> outcome.isRejected() || outcome.status() == ArticleStatus.FAILED);
            return anyBad ? 1 : 0;
        }
    }

    private static IngestOutcome ingestOne(ServiceChannel ingest, Path file, ArticleTemplate template) throws Exception {
        IngestArticleRequest request = IngestArticleRequest.newBuilder().setArticle(template.articleFrom(file)).build();
        IngestArticleResponse response = ServiceCallException.call(ingest.endpoint(), () ->
                IngestServiceGrpc.newBlockingStub(ingest.channel())
                        .withDeadlineAfter(60, TimeUnit.SECONDS)
                        .ingestArticle(request));
        return new IngestOutcome(file.toString(), response.getArticleId(), response.getStatus(),
                response.getAlreadyStored(), response.getDuplicateOf(), "");
    }

    private List<IngestOutcome> withFinalStatus(ServiceChannel ingest, List<IngestOutcome> outcomes,
                                                ProgressLine progress) {
        List<Long> ids = outcomes.stream().filter(outcome -> outcome.articleId() != 0)
                .map(IngestOutcome::articleId).distinct().toList();
        Map<Long, GetIngestStatusResponse> statuses =
                new AnalysisWaiter(ingest).await(ids, Duration.ofSeconds(timeoutSeconds), progress);
        List<IngestOutcome> updated = new ArrayList<>();
        for (IngestOutcome outcome : outcomes) {
            GetIngestStatusResponse status = statuses.get(outcome.articleId());
            updated.add(status == null ? outcome : outcome.withStatus(status.getStatus(), status.getError()));
        }
        return updated;
    }

    private void print(List<IngestOutcome> outcomes) {
        if (json) {
            outcomes.forEach(outcome -> System.out.println(outcome.toJson()));
            return;
        }
        int shownRejections = 0;
        for (IngestOutcome outcome : outcomes) {
            if (outcome.isRejected()) {
                if (shownRejections++ < MAX_REJECTIONS_SHOWN || outcomes.size() == 1) {
                    System.out.println(outcome.reference() + ": rejected: " + outcome.error());
                }
            } else if (outcomes.size() == 1 || waitForAnalysis && outcomes.size() <= MAX_REJECTIONS_SHOWN) {
                System.out.println(outcome.reference() + ": article " + outcome.articleId() + ", " + outcome.status()
                        + (outcome.alreadyStored() ? " (already stored)" : "")
                        + (outcome.duplicateOf() != 0 ? ", same story as article " + outcome.duplicateOf() : "")
                        + (outcome.error().isEmpty() ? "" : ": " + outcome.error()));
            }
        }
        if (shownRejections > MAX_REJECTIONS_SHOWN) {
            System.out.println("... and " + (shownRejections - MAX_REJECTIONS_SHOWN) + " more rejected");
        }
        if (outcomes.size() > 1) {
            IngestSummary.of(outcomes, waitForAnalysis).lines().forEach(System.out::println);
        }
    }

    private static final int MAX_REJECTIONS_SHOWN = 20;
}
