package newsroom.cli.query;

import java.util.List;
import java.util.concurrent.Callable;
import newsroom.cli.NewsroomCommand;
import newsroom.cli.grpc.Pages;
import newsroom.cli.output.Listing;
import newsroom.cli.output.Table;
import newsroom.nlp.v1.Entity;
import newsroom.query.v1.GlobalEntity;
import newsroom.query.v1.SearchEntitiesRequest;
import newsroom.query.v1.SearchEntitiesResponse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code newsroom entities NAME}: entities across all articles by name or alias. */
@Command(name = "entities", mixinStandardHelpOptions = true,
        description = "Finds people, organizations and places by name or any alias, most mentioned first"
                + " (case and accents do not matter: 'lavrov' finds Sergey Lavrov).")
public class EntitiesCommand implements Callable<Integer> {

    @ParentCommand
    NewsroomCommand newsroom;

    @Parameters(paramLabel = "NAME", arity = "1..*", description = "A name or part of one.")
    List<String> name;

    @Option(names = "--type", paramLabel = "TYPE",
            description = "Only entities of this type: ${COMPLETION-CANDIDATES}.")
    Entity.Type type;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "At most N entities (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--json", description = "Print a SearchEntitiesResponse with all entities as proto3 JSON.")
    boolean json;

    @Override
    public Integer call() {
        Limit.check(limit);
        String text = String.join(" ", name);
        SearchEntitiesResponse.Builder all = SearchEntitiesResponse.newBuilder();
        try (QueryChannel query = QueryChannel.open(newsroom)) {
            SearchEntitiesResponse last = Pages.collect(limit, Limit.MAX_PAGE_SIZE, (pageSize, pageToken) -> {
                SearchEntitiesRequest.Builder request = SearchEntitiesRequest.newBuilder()
                        .setQuery(text)
                        .setPageSize(pageSize)
                        .setPageToken(pageToken);
                if (type != null) {
                    request.setType(type);
                }
                return query.call(stub -> stub.searchEntities(request.build()));
            }, SearchEntitiesResponse::getEntitiesList, SearchEntitiesResponse::getNextPageToken, all::addAllEntities);
            all.setNextPageToken(last.getNextPageToken());
        }
        Listing.print(json, all, all.getEntitiesList(), "No entity is called " + text + ".",
                new Table("ID", "NAME", "TYPE", "MENTIONS", "ARTICLES", "QUOTES", "ALIASES"),
                (GlobalEntity entity) -> new Object[] {entity.getId(), entity.getName(), entity.getType().name(),
                    entity.getMentionCount(), entity.getArticleCount(), entity.getQuoteCount(),
                    String.join(", ", entity.getAliasesList())});
        return 0;
    }
}
