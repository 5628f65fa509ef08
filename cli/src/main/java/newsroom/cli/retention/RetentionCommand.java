package newsroom.cli.retention;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import newsroom.cli.NewsroomCommand;
import newsroom.cli.UserError;
import newsroom.cli.grpc.ServiceCallException;
import newsroom.cli.grpc.ServiceChannel;
import newsroom.cli.output.ProtoJson;
import newsroom.cli.output.Table;
import newsroom.cli.run.Service;
import newsroom.ingest.v1.ApplyRetentionRequest;
import newsroom.ingest.v1.ApplyRetentionResponse;
import newsroom.ingest.v1.RetentionMonth;
import newsroom.ingest.v1.RetentionServiceGrpc;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code newsroom retention --older-than 24m}: removes whole old months of history
 * (docs/retention.md), after showing them and asking; {@code --dry-run} only shows them.
 */
@Command(name = "retention", mixinStandardHelpOptions = true,
        description = {
            "Removes every month of history older than --older-than whole months: the articles published in"
                + " those months (UTC) with their mentions, quotes, search rows, entity days, events and links;"
                + " entity counts, co-mentions and stories are brought to what the remaining articles say. The"
                + " current month, the months ahead and the cut-off month are never removed.",
            "It lists the months and their rows first and asks before removing anything; without a terminal"
                + " to ask on, it needs --yes. Needs the writer key. See docs/retention.md."
        })
public class RetentionCommand implements Callable<Integer> {

    /** Counting is a scan of each old month; removing deletes its articles one month at a time. */
    private static final long DRY_RUN_DEADLINE_MINUTES = 10;
    private static final long REMOVAL_DEADLINE_HOURS = 6;

    @ParentCommand
    NewsroomCommand newsroom;

    @Option(names = "--older-than", required = true, paramLabel = "AGE",
            description = "Remove the months older than this many whole months before the current one: Nm"
                    + " (months) or Ny (years), from 1m to 100y. With 24m in December 2026, 2024-11 and earlier go"
                    + " and 2024-12 stays.")
    String olderThan;

    @Option(names = "--dry-run", description = "Only list the months that would be removed, with their rows.")
    boolean dryRun;

    @Option(names = "--yes", description = "Remove without asking (needed when standard input is not a terminal).")
    boolean yes;

    @Option(names = "--json", description = "Print the ApplyRetentionResponse (newsroom.ingest.v1) as proto3 JSON:"
            + " the dry run's with --dry-run, else the removal's.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        int months = RetentionAge.months("--older-than", olderThan);
        try (ServiceChannel ingest = newsroom.channel(Service.INGEST)) {
            ApplyRetentionResponse listed = ServiceCallException.call(ingest.endpoint(), () -> stub(ingest)
                    .withDeadlineAfter(DRY_RUN_DEADLINE_MINUTES, TimeUnit.MINUTES)
                    .applyRetention(ApplyRetentionRequest.newBuilder()
                            .setOlderThanMonths(months).setDryRun(true).build()));
            if (dryRun || listed.getMonthsCount() == 0) {
                print(listed, months);
                return 0;
            }
            if (!yes) {
                if (!json) {
                    print(listed, months);
                }
                confirm(listed);
            }
            ApplyRetentionResponse removed = ServiceCallException.call(ingest.endpoint(), () -> stub(ingest)
                    .withDeadlineAfter(REMOVAL_DEADLINE_HOURS, TimeUnit.HOURS)
                    .applyRetention(ApplyRetentionRequest.newBuilder().setOlderThanMonths(months)
                            .setExpectedCutoffMonth(listed.getCutoffMonth()).build()));
            print(removed, months);
            return 0;
        }
    }

    /** Asks on the terminal; a {@link UserError} when there is none, or when the answer is not yes. */
    private void confirm(ApplyRetentionResponse listed) throws IOException {
        if (System.console() == null) {
            throw new UserError("not removing " + monthsWord(listed.getMonthsCount()) + " without a confirmation:"
                    + " standard input is not a terminal to ask on; add --yes to remove them, or --dry-run to only"
                    + " list them");
        }
        BufferedReader terminal = new BufferedReader(new InputStreamReader(System.in, Charset.defaultCharset()));
        if (!Confirmation.ask("Remove " + monthsWord(listed.getMonthsCount()) + " for good?", terminal, System.out)) {
            throw new UserError("not confirmed; nothing was removed");
        }
    }

    private void print(ApplyRetentionResponse response, int months) {
        PrintStream out = System.out;
        if (json) {
            out.println(ProtoJson.print(response));
            return;
        }
        if (response.getMonthsCount() == 0) {
            out.printf("No month before %s (older than %s) holds anything; nothing to remove.%n",
                    response.getCutoffMonth(), monthsWord(months));
            return;
        }
        long articles = 0;
        Table table = new Table("MONTH", "ARTICLES", "MENTIONS", "QUOTES", "SEARCH ROWS", "ENTITY DAYS");
        for (RetentionMonth month : response.getMonthsList()) {
            table.row(month.getMonth(), month.getArticleCount(), month.getMentionCount(), month.getQuoteCount(),
                    month.getSearchRowCount(), month.getEntityDayCount());
            articles += month.getArticleCount();
        }
        String what = monthsWord(response.getMonthsCount()) + " published before " + response.getCutoffMonth()
                + " (older than " + monthsWord(months) + "), " + articles + (articles == 1 ? " article" : " articles");
        out.println((response.getDryRun() ? "Would remove " : "Removed ") + what + ":");
        table.print(out);
        if (response.getDryRun() && dryRun) {
            out.println("Nothing was removed (--dry-run).");
        }
    }

    private static String monthsWord(int count) {
        return count + (count == 1 ? " month" : " months");
    }

    private static RetentionServiceGrpc.RetentionServiceBlockingStub stub(ServiceChannel channel) {
        return RetentionServiceGrpc.newBlockingStub(channel.channel());
    }
}
