package newsroom.query.grpc;

import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import java.util.function.Supplier;
import newsroom.query.articles.ArticleQueries;
import newsroom.query.articles.ArticleHit;
import newsroom.query.entities.EntityProfile;
import newsroom.query.entities.EntityQueries;
import newsroom.query.paging.Page;
import newsroom.query.quotes.AttributedQuote;
import newsroom.query.quotes.QuoteFilter;
import newsroom.query.quotes.QuoteQueries;
import newsroom.query.v1.GetArticleRequest;
import newsroom.query.v1.GetArticleResponse;
import newsroom.query.v1.GetEntityRequest;
import newsroom.query.v1.GetEntityResponse;
import newsroom.query.v1.ListQuotesRequest;
import newsroom.query.v1.ListQuotesResponse;
import newsroom.query.v1.QueryService;
import newsroom.query.v1.SearchArticlesRequest;
import newsroom.query.v1.SearchArticlesResponse;
import newsroom.query.v1.SearchEntitiesRequest;
import newsroom.query.v1.SearchEntitiesResponse;

/** The gRPC face of the query beans: requests in, messages out, failures as status codes. */
@GrpcService
@Blocking // Every call reads PostgreSQL through JDBC.
public class QueryGrpcService implements QueryService {

    private final ArticleQueries articles;
    private final EntityQueries entities;
    private final QuoteQueries quotes;

    QueryGrpcService(ArticleQueries articles, EntityQueries entities, QuoteQueries quotes) {
        this.articles = articles;
        this.entities = entities;
        this.quotes = quotes;
    }

    @Override
    public Uni<GetArticleResponse> getArticle(GetArticleRequest request) {
        return answer(() -> QueryMessages.article(articles.get(request.getArticleId())));
    }

    @Override
    public Uni<SearchArticlesResponse> searchArticles(SearchArticlesRequest request) {
        return answer(() -> {
            Page<ArticleHit> page = articles.search(request.getQuery(), request.getPageSize(), request.getPageToken());
            return SearchArticlesResponse.newBuilder()
                    .addAllHits(page.items().stream().map(QueryMessages::hit).toList())
                    .setNextPageToken(page.nextPageToken())
                    .build();
        });
    }

    @Override
    public Uni<SearchEntitiesResponse> searchEntities(SearchEntitiesRequest request) {
        return answer(() -> {
            Page<EntityProfile> page = entities.search(request.getQuery(), request.getType(),
                    request.getPageSize(), request.getPageToken());
            return SearchEntitiesResponse.newBuilder()
                    .addAllEntities(page.items().stream().map(QueryMessages::entity).toList())
                    .setNextPageToken(page.nextPageToken())
                    .build();
        });
    }

    @Override
    public Uni<GetEntityResponse> getEntity(GetEntityRequest request) {
        return answer(() -> GetEntityResponse.newBuilder()
                .setEntity(QueryMessages.entity(entities.get(request.getEntityId())))
                .build());
    }

    @Override
    public Uni<ListQuotesResponse> listQuotes(ListQuotesRequest request) {
        return answer(() -> {
            QuoteFilter filter = new QuoteFilter(request.getSpeakerEntityId(), request.getSpeakerName(),
                    request.getTextQuery());
            Page<AttributedQuote> page = quotes.list(filter, request.getPageSize(), request.getPageToken());
            return ListQuotesResponse.newBuilder()
                    .addAllQuotes(page.items().stream().map(QueryMessages::quote).toList())
                    .setNextPageToken(page.nextPageToken())
                    .build();
        });
    }

    private static <T> Uni<T> answer(Supplier<T> work) {
        return Uni.createFrom().item(work).onFailure().transform(GrpcErrors::toStatus);
    }
}
