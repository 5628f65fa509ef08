package newsroom.cli.query;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import newsroom.cli.NewsroomCommand;
import newsroom.cli.UserError;
import newsroom.cli.grpc.Pages;
import newsroom.cli.output.Attribution;
import newsroom.cli.output.Listing;
import newsroom.cli.output.Table;
import newsroom.nlp.v1.AttributionForm;
import newsroom.query.v1.ListQuotesRequest;
import newsroom.query.v1.ListQuotesResponse;
import newsroom.query.v1.QuoteRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code newsroom quotes --speaker NAME}: who said what. */
@Command(name = "quotes", mixinStandardHelpOptions = true,
        description = "Lists who said what (quotes and reported speech), newest article first, by speaker, words,"
                + " nearby entity, form and date.")
public class QuotesCommand implements Callable<Integer> {

    @ParentCommand
    NewsroomCommand newsroom;

    @Option(names = "--speaker", paramLabel = "NAME",
            description = "Only quotes of the speaker with this name or alias ('lavrov', 'Sergei Lavrov').")
    String speaker;

    @Option(names = "--text", paramLabel = "WORDS", arity = "1..*",
            description = "Only quotes containing these words (any inflection).")
    List<String> text;

    @Option(names = "--near", paramLabel = "ID",
            description = "Only quotes within 300 characters of a mention of this entity.")
    long nearEntityId;

    @Option(names = "--form", paramLabel = "FORM",
            description = "Only quotes of this form: direct (quoted words), mixed (reported, with quoted words in it)"
                    + " or indirect (reported in the writer's words).")
    String form;

    @Option(names = "--from", paramLabel = "DATE", description = "Only quotes of articles published on or after DATE.")
    String from;

    @Option(names = "--to", paramLabel = "DATE", description = "Only quotes of articles published before DATE.")
    String to;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "50", description = "At most N quotes (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--json", description = "Print a ListQuotesResponse with all quotes as proto3 JSON.")
    boolean json;

    @Override
    public Integer call() {
        Limit.check(limit);
        AttributionForm only = form == null ? AttributionForm.ATTRIBUTION_FORM_UNSPECIFIED : parseForm(form);
        ListQuotesResponse.Builder all = ListQuotesResponse.newBuilder();
        try (QueryChannel query = QueryChannel.open(newsroom)) {
            ListQuotesResponse last = Pages.collect(limit, Limit.MAX_PAGE_SIZE, (pageSize, pageToken) -> {
                ListQuotesRequest.Builder request = ListQuotesRequest.newBuilder()
                        .setPageSize(pageSize)
                        .setPageToken(pageToken);
                if (speaker != null) {
                    request.setSpeakerName(speaker);
                }
                if (text != null) {
                    request.setTextQuery(String.join(" ", text));
                }
                request.setNearEntityId(nearEntityId);
                request.setForm(only);
                TimeBound.setRange(from, to, request::setStartTime, request::setEndTime);
                return query.call(stub -> stub.listQuotes(request.build()));
            }, ListQuotesResponse::getQuotesList, ListQuotesResponse::getNextPageToken, all::addAllQuotes);
            all.setNextPageToken(last.getNextPageToken());
        }
        Listing.print(json, all, all.getQuotesList(), "No quotes found.",
                new Table("SPEAKER", "CUE", "FORM", "ARTICLE", "DATE", "TEXT"), (QuoteRecord quote) -> {
                    Attribution attribution = Attribution.of(quote);
                    return new Object[] {attribution.speaker(), attribution.cue(), attribution.form(),
                        quote.getArticle().getId(), TimeBound.day(quote.getArticle().getPublishedTime()),
                        attribution.words()};
                });
        return 0;
    }

    /** {@code --form}'s value, in any case. */
    static AttributionForm parseForm(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "direct" -> AttributionForm.DIRECT;
            case "mixed" -> AttributionForm.MIXED;
            case "indirect" -> AttributionForm.INDIRECT;
            default -> throw new UserError("--form: must be direct, mixed or indirect, not '" + value + "'");
        };
    }
}
