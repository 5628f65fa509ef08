package newsroom.cli.query;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import newsroom.cli.NewsroomCommand;
import newsroom.cli.grpc.Pages;
import newsroom.cli.output.Listing;
import newsroom.cli.output.Table;
import newsroom.query.v1.ArticleHit;
import newsroom.query.v1.SearchArticlesRequest;
import newsroom.query.v1.SearchArticlesResponse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

    @Mixin
    PublishedRange published;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "At most N articles (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--json", description = "Print a SearchArticlesResponse with all hits as proto3 JSON.")
    boolean json;

    @Override
    public Integer call() {
        Limit.check(limit);
        String text = String.join(" ", words);
        SearchArticlesResponse.Builder all = SearchArticlesResponse.newBuilder();
        try (QueryChannel query = QueryChannel.open(newsroom)) {
            SearchArticlesResponse last = Pages.collect(limit, Limit.MAX_PAGE_SIZE, (pageSize, pageToken) -> {
                SearchArticlesRequest.Builder request = SearchArticlesRequest.newBuilder()
                        .setQuery(text)
                        .setEntityId(entityId)
                        .setPageSize(pageSize)
                        .setPageToken(pageToken);
                if (source != null) {
                    request.setSource(source);
                }
                if (language != null) {
                    request.setLanguage(language);
                }
                published.applyTo(request::setStartTime, request::setEndTime);
                return query.call(stub -> stub.searchArticles(request.build()));
            }, SearchArticlesResponse::getHitsList, SearchArticlesResponse::getNextPageToken, all::addAllHits);
            all.setNextPageToken(last.getNextPageToken());
        }
        Listing.print(json, all, all.getHitsList(), "No article matches " + text + ".",
                new Table("ID", "PUBLISHED", "SOURCE", "TITLE", "SNIPPET"), (ArticleHit hit) -> new Object[] {
                    hit.getArticle().getId(),
                    hit.getArticle().hasPublishedTime()
                            ? Instant.ofEpochSecond(hit.getArticle().getPublishedTime().getSeconds()).toString().substring(0, 10)
                            : "",
                    hit.getArticle().getSource(), hit.getArticle().getTitle(), Snippets.forTerminal(hit.getSnippet())});
        return 0;
    }
}
