package newsroom.cli.query;

import java.util.List;
import java.util.concurrent.Callable;
import newsroom.cli.NewsroomCommand;
import newsroom.cli.grpc.ServiceCallException;
import newsroom.cli.grpc.ServiceChannel;
import newsroom.cli.output.ProtoJson;
import newsroom.cli.output.Table;
import newsroom.query.v1.ListQuotesRequest;
import newsroom.query.v1.ListQuotesResponse;
import newsroom.query.v1.QuoteRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code newsroom quotes --speaker NAME}: who said what. */
@Command(name = "quotes", mixinStandardHelpOptions = true,
        description = "Lists direct quotes, newest article first, by speaker, words, nearby entity and date.")
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
        ListQuotesResponse.Builder all = ListQuotesResponse.newBuilder();
        try (ServiceChannel query = ServiceChannel.open(newsroom.query())) {
            String pageToken = "";
            do {
                ListQuotesRequest.Builder request = ListQuotesRequest.newBuilder()
                        .setPageSize(Limit.pageSize(limit, all.getQuotesCount()))
                        .setPageToken(pageToken);
                if (speaker != null) {
                    request.setSpeakerName(speaker);
                }
                if (text != null) {
                    request.setTextQuery(String.join(" ", text));
                }
                request.setNearEntityId(nearEntityId);
                if (from != null) {
                    request.setStartTime(TimeBound.parse("--from", from));
                }
                if (to != null) {
                    request.setEndTime(TimeBound.parse("--to", to));
                }
                ListQuotesResponse page = ServiceCallException.call(query.endpoint(),
                        () -> QueryChannel.stub(query).listQuotes(request.build()));
                all.addAllQuotes(page.getQuotesList()
                        .subList(0, Math.min(page.getQuotesCount(), limit - all.getQuotesCount())));
                pageToken = page.getNextPageToken();
                all.setNextPageToken(pageToken);
            } while (!pageToken.isEmpty() && all.getQuotesCount() < limit);
        }
        if (json) {
            System.out.println(ProtoJson.print(all));
            return 0;
        }
        if (all.getQuotesCount() == 0) {
            System.out.println("No quotes found.");
            return 0;
        }
        Table table = new Table("SPEAKER", "CUE", "ARTICLE", "DATE", "TEXT");
        for (QuoteRecord quote : all.getQuotesList()) {
            table.row(quote.getSpeaker().isEmpty() ? "(unattributed)" : quote.getSpeaker(), quote.getCue(),
                    quote.getArticle().getId(), TimeBound.day(quote.getArticle().getPublishedTime()),
                    "“" + quote.getText() + "”");
        }
        table.print(System.out);
        return 0;
    }
}
