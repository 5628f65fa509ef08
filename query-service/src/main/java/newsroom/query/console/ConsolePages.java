package newsroom.query.console;

import io.grpc.Status;
import io.grpc.StatusException;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import com.google.protobuf.Timestamp;
import newsroom.nlp.v1.Quote;
import newsroom.nlp.v1.TemporalExpression;
import newsroom.query.http.SessionCallers;
import newsroom.query.v1.ArticleHit;
import newsroom.query.v1.ArticleSummary;
import newsroom.query.v1.CoMention;
import newsroom.query.v1.EntityFacet;
import newsroom.query.v1.GetArticleRequest;
import newsroom.query.v1.GetArticleResponse;
import newsroom.query.v1.GetEntityRequest;
import newsroom.query.v1.GetEntityResponse;
import newsroom.query.v1.GetEntityTimelineRequest;
import newsroom.query.v1.GetEntityTimelineResponse;
import newsroom.query.v1.GetStoryRequest;
import newsroom.query.v1.GetStoryResponse;
import newsroom.query.v1.GlobalEntity;
import newsroom.query.v1.ListQuotesRequest;
import newsroom.query.v1.ListQuotesResponse;
import newsroom.query.v1.ListStoriesRequest;
import newsroom.query.v1.ListStoriesResponse;
import newsroom.query.v1.SearchArticlesRequest;
import newsroom.query.v1.SearchArticlesResponse;
import newsroom.query.v1.SourceFacet;
import newsroom.query.v1.TimelineBucket;
import newsroom.query.v1.TimelineGranularity;

/**
 * The console's pages (docs/console.md): each reads its state from the URL, asks QueryService
 * through {@link ConsoleQueries} as the session's caller, and renders a template. A request
 * without a live session is sent to the sign-in page.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class ConsolePages {

    /** Entities on one Compare chart, at most. */
    static final int MAX_COMPARED = 5;
    private static final int LIST_SIZE = 20;
    private static final int ENTITY_LIST_SIZE = 10;

    private final Visits visits;
    private final ConsoleQueries queries;

    ConsolePages(Visits visits, ConsoleQueries queries) {
        this.visits = visits;
        this.queries = queries;
    }

    /** A page's content for a visit. */
    @FunctionalInterface
    interface PageBody {
        TemplateInstance render(Visits.Visit visit, Views.Chrome chrome) throws StatusException;
    }

    @GET
    public Response home() {
        return Response.seeOther(URI.create("/search")).build();
    }

    @GET
    @Path("search")
    public Response search(@CookieParam(SessionCallers.COOKIE) String cookie, @Context HttpServerRequest http,
                           @QueryParam("q") String q, @QueryParam("source") String source,
                           @QueryParam("language") String language, @QueryParam("entity") String entity,
                           @QueryParam("from") String from, @QueryParam("to") String to,
                           @QueryParam("page_token") String pageToken) {
        return page(cookie, http, "Search", (visit, chrome) -> {
            String words = text(q);
            if (words.isBlank()) {
                return ConsoleTemplates.search(chrome, new Views.SearchPage("", text(source), text(language),
                        text(entity), text(from), text(to), false, 0, false, false, List.of(), List.of(), List.of(), "",
                        new Views.Paging("")));
            }
            long entityId = queries.entityId(visit, "entity", entity);
            Optional<Timestamp> start = PageDates.from("from", from);
            Optional<Timestamp> end = PageDates.to("to", to);
            SearchArticlesRequest.Builder request = SearchArticlesRequest.newBuilder().setQuery(words)
                    .setPageSize(LIST_SIZE).setSource(text(source)).setLanguage(text(language)).setEntityId(entityId)
                    .setPageToken(text(pageToken)).setIncludeFacets(true);
            start.ifPresent(request::setStartTime);
            end.ifPresent(request::setEndTime);
            SearchArticlesResponse response = queries.call(visit, "SearchArticles", request.build());
            List<Views.SearchResult> results = new ArrayList<>();
            for (ArticleHit hit : response.getHitsList()) {
                results.add(new Views.SearchResult(ConsoleQueries.link(hit.getArticle()),
                        TextPiece.ofSnippet(hit.getSnippet())));
            }
            List<Views.SourceCount> sources = new ArrayList<>();
            for (SourceFacet facet : response.getTopSourcesList()) {
                sources.add(new Views.SourceCount(facet.getSource(), facet.getArticleCount(),
                        searchUrl(words, facet.getSource(), language, entity, from, to)));
            }
            List<Views.EntityLink> entities = new ArrayList<>();
            for (EntityFacet facet : response.getTopEntitiesList()) {
                entities.add(new Views.EntityLink(facet.getEntity().getId(), facet.getEntity().getName(),
                        facet.getEntity().getType().name(), facet.getArticleCount()));
            }
            String csv = Links.to("/api/v1/articles").with("q", words).with("source", text(source))
                    .with("language", text(language)).with("entity_id", entityId)
                    .with("start_time", PageDates.rfc3339(start)).with("end_time", PageDates.rfc3339(end))
                    .with("format", "csv").toString();
            Views.Paging paging = Views.Paging.after(Links.to("/search").with("q", words)
                    .with("source", text(source)).with("language", text(language)).with("entity", text(entity))
                    .with("from", text(from)).with("to", text(to)), response.getNextPageToken());
            return ConsoleTemplates.search(chrome, new Views.SearchPage(words, text(source), text(language),
                    text(entity), text(from), text(to), true, response.getTotalSize(),
                    response.getTotalSize() > 0 || response.getHitsCount() == 0,
                    response.getTotalSizeIsLowerBound(), results, sources, entities, csv, paging));
        });
    }

    @GET
    @Path("articles/{id}")
    public Response article(@CookieParam(SessionCallers.COOKIE) String cookie, @Context HttpServerRequest http,
                            @PathParam("id") String id) {
        return page(cookie, http, "Article", (visit, chrome) -> {
            GetArticleResponse response = queries.call(visit, "GetArticle",
                    GetArticleRequest.newBuilder().setArticleId(id(id)).build());
            ArticleSummary article = response.getArticle();
            List<Views.QuoteView> quotes = new ArrayList<>();
            List<Views.DateView> dates = new ArrayList<>();
            List<TextPiece> text = List.of(TextPiece.plain(response.getCleanedText()));
            if (response.hasAnalysis()) {
                text = MentionedText.of(response.getCleanedText(), response.getAnalysis(),
                        response.getGlobalEntityIdsMap());
                Views.ArticleLink self = ConsoleQueries.link(article);
                for (Quote quote : response.getAnalysis().getQuotesList()) {
                    long speaker = response.getGlobalEntityIdsMap().getOrDefault(quote.getSpeakerEntityId(), 0L);
                    quotes.add(new Views.QuoteView(quote.getText(), speaker, quote.getSpeaker(), quote.getCue(),
                            ConsoleQueries.isDirect(quote.getForm()), self));
                }
                for (TemporalExpression date : response.getAnalysis().getTemporalExpressionsList()) {
                    dates.add(new Views.DateView(date.getText(), date.getValue(), date.getType().name()));
                }
            }
            List<Views.ArticleLink> sameStory = new ArrayList<>();
            if (article.getStoryId() != 0) {
                GetStoryResponse story = queries.call(visit, "GetStory",
                        GetStoryRequest.newBuilder().setStoryId(article.getStoryId()).build());
                for (ArticleSummary report : story.getReportsList()) {
                    if (report.getId() != article.getId()) {
                        sameStory.add(ConsoleQueries.link(report));
                    }
                }
            }
            String url = article.getCanonicalUrl().isEmpty() ? article.getUrl() : article.getCanonicalUrl();
            return ConsoleTemplates.article(chrome.titled(article.getTitle()), new Views.ArticlePage(
                    ConsoleQueries.link(article), webUrl(url), article.getAuthor(), article.getLanguage(),
                    article.getStatus().name(), response.getFailure(), text, quotes, dates, article.getStoryId(), sameStory));
        });
    }

    @GET
    @Path("entities/{id}")
    public Response entity(@CookieParam(SessionCallers.COOKIE) String cookie, @Context HttpServerRequest http,
                           @PathParam("id") String id, @QueryParam("by") String by) {
        return page(cookie, http, "Entity", (visit, chrome) -> {
            long entityId = id(id);
            TimelineGranularity granularity = granularity(by);
            GetEntityResponse profile = queries.call(visit, "GetEntity",
                    GetEntityRequest.newBuilder().setEntityId(entityId).build());
            GlobalEntity entity = profile.getEntity();
            GetEntityTimelineResponse timeline = queries.call(visit, "GetEntityTimeline",
                    GetEntityTimelineRequest.newBuilder().setEntityId(entityId).setGranularity(granularity)
                            .setPageSize(1000).build());
            List<ChartJson.Point> mentions = new ArrayList<>();
            List<ChartJson.Point> articles = new ArrayList<>();
            List<ChartJson.Point> tone = new ArrayList<>();
            for (TimelineBucket bucket : timeline.getBucketsList()) {
                String day = PageDates.day(bucket.getStartTime());
                mentions.add(new ChartJson.Point(day, bucket.getMentionCount()));
                articles.add(new ChartJson.Point(day, bucket.getArticleCount()));
                if (bucket.getTonedArticleCount() > 0) {
                    tone.add(new ChartJson.Point(day, Math.round(bucket.getAverageTone() * 1000) / 1000.0));
                }
            }
            String granularityName = granularity.name().toLowerCase();
            String title = entity.getName() + ": attention per " + granularityName;
            Views.Chart chart = new Views.Chart("attention-chart", title, ChartJson.of(title, "count", "tone",
                    List.of(new ChartJson.Series("Mentions", "bar", 0, mentions),
                            new ChartJson.Series("Articles", "line", 0, articles),
                            new ChartJson.Series("Tone", "line", 1, tone))));
            List<Views.EntityLink> coMentions = new ArrayList<>();
            for (CoMention co : profile.getTopCoMentionsList()) {
                coMentions.add(new Views.EntityLink(co.getEntity().getId(), co.getEntity().getName(),
                        co.getEntity().getType().name(), co.getSharedArticleCount()));
            }
            ListQuotesResponse quotes = queries.call(visit, "ListQuotes", ListQuotesRequest.newBuilder()
                    .setSpeakerEntityId(entityId).setPageSize(ENTITY_LIST_SIZE).build());
            // SearchArticles needs words: the entity's names, any of them, within its articles.
            String names = namesQuery(entity);
            List<Views.ArticleLink> recent = new ArrayList<>();
            if (!names.isEmpty()) {
                SearchArticlesResponse found = queries.call(visit, "SearchArticles", SearchArticlesRequest
                        .newBuilder().setQuery(names).setEntityId(entityId).setPageSize(ENTITY_LIST_SIZE).build());
                for (ArticleHit hit : found.getHitsList()) {
                    recent.add(ConsoleQueries.link(hit.getArticle()));
                }
            }
            String api = "/api/v1/entities/" + entityId;
            return ConsoleTemplates.entity(chrome.titled(entity.getName()), new Views.EntityPage(entityId,
                    entity.getName(), entity.getType().name(), List.copyOf(entity.getAliasesList()),
                    entity.getMentionCount(), entity.getArticleCount(), entity.getQuoteCount(),
                    PageDates.day(entity.getFirstSeenTime()), PageDates.day(entity.getLastSeenTime()),
                    granularityName, chart,
                    coMentions, quotes.getQuotesList().stream().map(ConsoleQueries::quote).toList(), recent,
                    Links.to(api + "/timeline").with("by", granularityName).with("format", "csv").toString(),
                    Links.to(api + "/comentions").with("format", "csv").toString(),
                    Links.to("/api/v1/quotes").with("speaker_entity_id", entityId).with("format", "csv").toString(),
                    Links.to("/api/v1/articles").with("q", names).with("entity_id", entityId).with("format", "csv")
                            .toString()));
        });
    }

    @GET
    @Path("compare")
    public Response compare(@CookieParam(SessionCallers.COOKIE) String cookie, @Context HttpServerRequest http,
                            @QueryParam("entity") List<String> entity, @QueryParam("from") String from,
                            @QueryParam("to") String to, @QueryParam("by") String by,
                            @QueryParam("scale") String scale) {
        return page(cookie, http, "Compare", (visit, chrome) -> {
            List<String> asked = entity.stream().map(ConsolePages::text).filter(e -> !e.isBlank()).toList();
            TimelineGranularity granularity = granularity(by == null || by.isBlank() ? "week" : by);
            String granularityName = granularity.name().toLowerCase();
            String scaleName = scale == null || scale.isBlank() ? "share" : scale.strip();
            if (!scaleName.equals("share") && !scaleName.equals("count")) {
                throw new PageInputException("scale", "expected share or count, not \"" + scale + "\"");
            }
            if (asked.size() > MAX_COMPARED) {
                throw new PageInputException("entity", "compare at most " + MAX_COMPARED + " entities, not "
                        + asked.size());
            }
            Optional<Timestamp> start = PageDates.from("from", from);
            Optional<Timestamp> end = PageDates.to("to", to);
            List<String> fields = new ArrayList<>(asked);
            while (fields.size() < MAX_COMPARED) {
                fields.add("");
            }
            if (asked.size() < 2) {
                return ConsoleTemplates.compare(chrome, new Views.ComparePage(fields, text(from), text(to),
                        granularityName, scaleName, List.of(), null, 0), asked.isEmpty() ? ""
                        : "Choose at least two entities to compare.");
            }
            List<Views.EntityLink> compared = new ArrayList<>();
            List<ChartJson.Series> series = new ArrayList<>();
            for (String one : asked) {
                long entityId = queries.entityId(visit, "entity", one);
                GetEntityTimelineRequest.Builder request = GetEntityTimelineRequest.newBuilder().setEntityId(entityId)
                        .setGranularity(granularity).setPageSize(1000);
                start.ifPresent(request::setStartTime);
                end.ifPresent(request::setEndTime);
                GetEntityTimelineResponse timeline = queries.call(visit, "GetEntityTimeline", request.build());
                List<ChartJson.Point> points = new ArrayList<>();
                long total = 0;
                for (TimelineBucket bucket : timeline.getBucketsList()) {
                    total += bucket.getArticleCount();
                    double value = scaleName.equals("count") ? bucket.getArticleCount()
                            : bucket.getAllArticleCount() == 0 ? Double.NaN
                            : Math.round(10_000.0 * bucket.getArticleCount() / bucket.getAllArticleCount()) / 100.0;
                    points.add(new ChartJson.Point(PageDates.day(bucket.getStartTime()), value));
                }
                compared.add(new Views.EntityLink(entityId, timeline.getEntity().getName(),
                        timeline.getEntity().getType().name(), total));
                series.add(new ChartJson.Series(timeline.getEntity().getName(), "line", 0, points));
            }
            String axis = scaleName.equals("count") ? "articles per " + granularityName
                    : "% of all articles per " + granularityName;
            String title = "Compare: " + String.join(", ", compared.stream().map(Views.EntityLink::name).toList());
            return ConsoleTemplates.compare(chrome, new Views.ComparePage(fields, text(from), text(to),
                    granularityName, scaleName, compared, new Views.Chart("compare-chart", title,
                    ChartJson.of(title, axis, "", series)), series.size()), "");
        });
    }

    @GET
    @Path("quotes")
    public Response quotes(@CookieParam(SessionCallers.COOKIE) String cookie, @Context HttpServerRequest http,
                           @QueryParam("speaker") String speaker, @QueryParam("q") String q,
                           @QueryParam("from") String from, @QueryParam("to") String to,
                           @QueryParam("page_token") String pageToken) {
        return page(cookie, http, "Quotes", (visit, chrome) -> {
            Optional<Timestamp> start = PageDates.from("from", from);
            Optional<Timestamp> end = PageDates.to("to", to);
            ListQuotesRequest.Builder request = ListQuotesRequest.newBuilder().setSpeakerName(text(speaker))
                    .setTextQuery(text(q)).setPageSize(LIST_SIZE).setPageToken(text(pageToken));
            start.ifPresent(request::setStartTime);
            end.ifPresent(request::setEndTime);
            ListQuotesResponse response = queries.call(visit, "ListQuotes", request.build());
            String csv = Links.to("/api/v1/quotes").with("speaker", text(speaker)).with("q", text(q))
                    .with("start_time", PageDates.rfc3339(start)).with("end_time", PageDates.rfc3339(end))
                    .with("format", "csv").toString();
            Views.Paging paging = Views.Paging.after(Links.to("/quotes").with("speaker", text(speaker))
                    .with("q", text(q)).with("from", text(from)).with("to", text(to)), response.getNextPageToken());
            return ConsoleTemplates.quotes(chrome, new Views.QuotesPage(text(speaker), text(q), text(from), text(to),
                    response.getQuotesList().stream().map(ConsoleQueries::quote).toList(), csv, paging));
        });
    }

    @GET
    @Path("stories")
    public Response stories(@CookieParam(SessionCallers.COOKIE) String cookie, @Context HttpServerRequest http,
                            @QueryParam("from") String from, @QueryParam("to") String to,
                            @QueryParam("min_reports") String minReports, @QueryParam("page_token") String pageToken) {
        return page(cookie, http, "Stories", (visit, chrome) -> {
            Optional<Timestamp> start = PageDates.from("from", from);
            Optional<Timestamp> end = PageDates.to("to", to);
            int min = minReports == null || minReports.isBlank() ? 0 : count("min_reports", minReports);
            ListStoriesRequest.Builder request = ListStoriesRequest.newBuilder().setMinReportCount(min)
                    .setPageSize(LIST_SIZE).setPageToken(text(pageToken));
            start.ifPresent(request::setStartTime);
            end.ifPresent(request::setEndTime);
            ListStoriesResponse response = queries.call(visit, "ListStories", request.build());
            String csv = Links.to("/api/v1/stories").with("start_time", PageDates.rfc3339(start))
                    .with("end_time", PageDates.rfc3339(end)).with("min_report_count", min).with("format", "csv")
                    .toString();
            Views.Paging paging = Views.Paging.after(Links.to("/stories").with("from", text(from))
                    .with("to", text(to)).with("min_reports", min), response.getNextPageToken());
            return ConsoleTemplates.stories(chrome, new Views.StoriesPage(text(from), text(to), min,
                    response.getStoriesList().stream().map(ConsoleQueries::story).toList(), csv, paging));
        });
    }

    @GET
    @Path("stories/{id}")
    public Response story(@CookieParam(SessionCallers.COOKIE) String cookie, @Context HttpServerRequest http,
                          @PathParam("id") String id) {
        return page(cookie, http, "Story", (visit, chrome) -> {
            GetStoryResponse response = queries.call(visit, "GetStory",
                    GetStoryRequest.newBuilder().setStoryId(id(id)).build());
            Views.StoryView story = ConsoleQueries.story(response.getStory());
            return ConsoleTemplates.story(chrome.titled(story.firstReport().title()), new Views.StoryPage(story,
                    response.getReportsList().stream().map(ConsoleQueries::link).toList()));
        });
    }

    /** Renders a page for a visit with a live session, or sends the browser to sign in. */
    private Response page(String cookie, HttpServerRequest http, String title, PageBody body) {
        Optional<Visits.Visit> visit = visits.visit(cookie, http.isSSL());
        if (visit.isEmpty()) {
            return Response.seeOther(URI.create("/sign-in")).header("Cache-Control", "no-store").build();
        }
        Views.Chrome chrome = chrome(visit.get(), title);
        Response.ResponseBuilder answer;
        try {
            answer = Response.ok(body.render(visit.get(), chrome).render());
        } catch (PageInputException e) {
            answer = error(chrome, Response.Status.BAD_REQUEST.getStatusCode(), e.getMessage());
        } catch (StatusException e) {
            if (e.getStatus().getCode() == Status.Code.UNAUTHENTICATED) {
                return Response.seeOther(URI.create("/sign-in")).build();
            }
            answer = error(chrome, httpStatus(e.getStatus().getCode()), e.getStatus().getDescription());
        }
        visit.get().refreshed().ifPresent(answer::cookie);
        return answer.type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).header("Cache-Control", "no-store").build();
    }

    private Views.Chrome chrome(Visits.Visit visit, String title) {
        return new Views.Chrome(title, visit.session().isPresent(),
                visit.session().map(visits::formToken).orElse(""));
    }

    private static Response.ResponseBuilder error(Views.Chrome chrome, int status, String message) {
        return Response.status(status).entity(ConsoleTemplates.error(chrome.titled("Error " + status), status,
                message == null ? "The query failed." : message).render());
    }

    /** The HTTP status of a gRPC code, as AIP-193 maps them. */
    static int httpStatus(Status.Code code) {
        return switch (code) {
            case INVALID_ARGUMENT, FAILED_PRECONDITION, OUT_OF_RANGE -> 400;
            case UNAUTHENTICATED -> 401;
            case PERMISSION_DENIED -> 403;
            case NOT_FOUND -> 404;
            case RESOURCE_EXHAUSTED -> 429;
            case UNAVAILABLE -> 503;
            case DEADLINE_EXCEEDED -> 504;
            default -> 500;
        };
    }

    private static String searchUrl(String q, String source, String language, String entity, String from,
                                    String to) {
        return Links.to("/search").with("q", q).with("source", source).with("language", text(language))
                .with("entity", text(entity)).with("from", text(from)).with("to", text(to)).toString();
    }

    /**
     * A query for SearchArticles that any of the entity's names matches: each name as a quoted
     * phrase (quotes inside a name dropped), joined by OR, within the request's 500 characters.
     */
    static String namesQuery(GlobalEntity entity) {
        Set<String> names = new LinkedHashSet<>();
        names.add(entity.getName());
        names.addAll(entity.getAliasesList());
        StringBuilder query = new StringBuilder();
        for (String name : names) {
            String phrase = "\"" + name.replace("\"", " ").strip() + "\"";
            if (phrase.length() <= 2 || query.length() + phrase.length() + 4 > 500) {
                continue;
            }
            query.append(query.isEmpty() ? "" : " OR ").append(phrase);
        }
        return query.toString();
    }

    /** Only web links become links: a stored "javascript:" URL must not run when clicked. */
    static String webUrl(String url) {
        String lower = url.strip().toLowerCase();
        return lower.startsWith("https://") || lower.startsWith("http://") ? url.strip() : "";
    }

    private static TimelineGranularity granularity(String by) {
        String value = by == null || by.isBlank() ? "day" : by.strip().toLowerCase();
        return switch (value) {
            case "day" -> TimelineGranularity.DAY;
            case "week" -> TimelineGranularity.WEEK;
            case "month" -> TimelineGranularity.MONTH;
            default -> throw new PageInputException("by", "expected day, week or month, not \"" + by + "\"");
        };
    }

    private static long id(String id) {
        try {
            long value = Long.parseLong(id);
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new PageInputException("id", "expected a positive whole number, not \"" + id + "\"");
    }

    private static int count(String field, String value) {
        try {
            int count = Integer.parseInt(value.strip());
            if (count >= 0) {
                return count;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new PageInputException(field, "expected a whole number of at least 0, not \"" + value + "\"");
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
