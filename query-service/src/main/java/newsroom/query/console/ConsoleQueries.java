package newsroom.query.console;

import com.google.protobuf.Message;
import io.grpc.StatusException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import newsroom.query.grpc.QueryCalls;
import newsroom.query.v1.ArticleSummary;
import newsroom.query.v1.QuoteRecord;
import newsroom.query.v1.SearchEntitiesRequest;
import newsroom.query.v1.SearchEntitiesResponse;
import newsroom.query.v1.Story;

/**
 * The console's calls to QueryService, all through {@link QueryCalls} as the visit's caller
 * (same role check, fair share and answers as gRPC), and the small mappings pages share.
 */
@ApplicationScoped
public class ConsoleQueries {

    private final QueryCalls calls;

    ConsoleQueries(QueryCalls calls) {
        this.calls = calls;
    }

    /** Calls QueryService's {@code method} ("SearchArticles") as the visit's caller. */
    @SuppressWarnings("unchecked")
    <T extends Message> T call(Visits.Visit visit, String method, Message request) throws StatusException {
        return (T) calls.call(visit.caller(), QueryCalls.descriptor().findMethodByName(method), request);
    }

    /**
     * The entity a form field names: its id as digits, or else the best match of SearchEntities
     * for the text; 0 for an empty field.
     */
    long entityId(Visits.Visit visit, String field, String idOrName) throws StatusException {
        if (idOrName == null || idOrName.isBlank()) {
            return 0;
        }
        String text = idOrName.strip();
        if (text.chars().allMatch(Character::isDigit) && text.length() < 19) {
            return Long.parseLong(text);
        }
        SearchEntitiesResponse found = call(visit, "SearchEntities",
                SearchEntitiesRequest.newBuilder().setQuery(text).setPageSize(1).build());
        if (found.getEntitiesCount() == 0) {
            throw new PageInputException(field, "no entity is named \"" + text + "\"; give its id, or a name that"
                    + " the Entities search finds");
        }
        return found.getEntities(0).getId();
    }

    static Views.ArticleLink link(ArticleSummary article) {
        return new Views.ArticleLink(article.getId(), article.getTitle().isEmpty() ? "(untitled)" : article.getTitle(),
                article.getSource(), PageDates.day(article.getPublishedTime()));
    }

    static Views.QuoteView quote(QuoteRecord quote) {
        return new Views.QuoteView(quote.getText(), quote.getSpeakerEntityId(), quote.getSpeaker(), quote.getCue(),
                isDirect(quote.getForm()), link(quote.getArticle()));
    }

    static boolean isDirect(newsroom.nlp.v1.AttributionForm form) {
        return form == newsroom.nlp.v1.AttributionForm.DIRECT
                || form == newsroom.nlp.v1.AttributionForm.ATTRIBUTION_FORM_UNSPECIFIED;
    }

    static Views.StoryView story(Story story) {
        return new Views.StoryView(story.getId(), link(story.getFirstReport()), story.getReportCount(),
                PageDates.day(story.getLastReportTime()), List.copyOf(story.getSourcesList()));
    }
}
