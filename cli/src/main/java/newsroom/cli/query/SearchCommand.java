package newsroom.cli.query;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import newsroom.cli.NewsroomCommand;
import newsroom.cli.grpc.ServiceCallException;
import newsroom.cli.grpc.ServiceChannel;
import newsroom.cli.output.ProtoJson;
import newsroom.cli.output.Table;
import newsroom.cli.run.Service;
import newsroom.query.v1.ArticleHit;
import newsroom.query.v1.SearchArticlesRequest;
import newsroom.query.v1.SearchArticlesResponse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code newsroom search TEXT}: full-text search over the articles. */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = "Finds articles by their words: the 100 newest matches best first, then the next 100"
                + " best first, and so on. Plain words must all appear; \"quoted phrases\" as written;"
                + " -word must not appear; OR between alternatives.")
public class SearchCommand implements Callable<Integer> {

    @ParentCommand
    NewsroomCommand newsroom;

    @Parameters(paramLabel = "TEXT", arity = "1..*", description = "What to look for.")
    List<String> words;

    @Option(names = "--entity", paramLabel = "ID", description = "Only articles that mention this entity.")
    long entityId;

    @Option(names = "--source", paramLabel = "NAME", description = "Only articles of this publisher.")
    String source;

    @Option(names = "--language", paramLabel = "CODE", description = "Only articles in this language ('en').")
    String language;

    @Option(names = "--from", paramLabel = "DATE", description = "Only articles published on or after DATE.")
    String from;

    @Option(names = "--to", paramLabel = "DATE", description = "Only articles published before DATE.")
    String to;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "At most N articles (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--json", description = "Print a SearchArticlesResponse with all hits as proto3 JSON.")
    boolean json;

    @Override
    public Integer call() {
        Limit.check(limit);
        String text = String.join(" ", words);
        SearchArticlesResponse.Builder all = SearchArticlesResponse.newBuilder();
        try (ServiceChannel query = newsroom.channel(Service.QUERY)) {
            String pageToken = "";
            do {
                SearchArticlesRequest.Builder builder = SearchArticlesRequest.newBuilder()
                        .setQuery(text)
                        .setEntityId(entityId)
                        .setPageSize(Limit.pageSize(limit, all.getHitsCount()))
                        .setPageToken(pageToken);
                if (source != null) {
                    builder.setSource(source);
                }
                if (language != null) {
                    builder.setLanguage(language);
                }
                if (from != null) {
                    builder.setStartTime(TimeBound.parse("--from", from));
                }
                if (to != null) {
                    builder.setEndTime(TimeBound.parse("--to", to));
                }
                SearchArticlesRequest request = builder.build();
                SearchArticlesResponse page = ServiceCallException.call(query.endpoint(),
                        () -> QueryChannel.stub(query).searchArticles(request));
                all.addAllHits(page.getHitsList().subList(0, Math.min(page.getHitsCount(), limit - all.getHitsCount())));
                pageToken = page.getNextPageToken();
                all.setNextPageToken(pageToken);
            } while (!pageToken.isEmpty() && all.getHitsCount() < limit);
        }
        if (json) {
            System.out.println(ProtoJson.print(all));
            return 0;
        }
        if (all.getHitsCount() == 0) {
            System.out.println("No article matches " + text + ".");
            return 0;
        }
        Table table = new Table("ID", "PUBLISHED", "SOURCE", "TITLE", "SNIPPET");
        for (ArticleHit hit : all.getHitsList()) {
            table.row(hit.getArticle().getId(),
                    hit.getArticle().hasPublishedTime()
                            ? Instant.ofEpochSecond(hit.getArticle().getPublishedTime().getSeconds()).toString().substring(0, 10)
                            : "",
                    hit.getArticle().getSource(), hit.getArticle().getTitle(), Snippets.forTerminal(hit.getSnippet()));
        }
        table.print(System.out);
        return 0;
    }
}
