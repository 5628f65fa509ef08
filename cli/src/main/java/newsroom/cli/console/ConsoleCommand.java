package newsroom.cli.console;

import com.google.gson.JsonObject;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import newsroom.cli.NewsroomCommand;
import newsroom.cli.grpc.ServiceCallException;
import newsroom.cli.grpc.ServiceChannel;
import newsroom.cli.run.Service;
import newsroom.query.v1.ConsoleServiceGrpc;
import newsroom.query.v1.CreateSignInLinkRequest;
import newsroom.query.v1.SignInLink;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code newsroom console}: a one-time link that signs a browser in to the console as the CLI's
 * key, printed and, where there is a browser, opened; as Jupyter prints its token URL.
 */
@Command(name = "console", mixinStandardHelpOptions = true,
        description = {
            "Signs you in to the web console that query-service serves: prints a one-time sign-in URL and opens it"
                    + " in your browser, where there is one.",
            "The link works once, for a few minutes; the session it opens is bound to the CLI's API key."
        })
public class ConsoleCommand implements Callable<Integer> {

    private static final long DEADLINE_SECONDS = 30;

    @ParentCommand
    NewsroomCommand newsroom;

    @Option(names = "--json", description = "Print {\"url\": \"...\"} instead of the bare URL.")
    boolean json;

    @Option(names = "--no-open", description = "Only print the URL; do not open a browser.")
    boolean noOpen;

    @Override
    public Integer call() {
        SignInLink link;
        String url;
        try (ServiceChannel query = newsroom.channel(Service.QUERY)) {
            link = ServiceCallException.call(query.endpoint(), () -> ConsoleServiceGrpc.newBlockingStub(query.channel())
                    .withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS)
                    .createSignInLink(CreateSignInLinkRequest.getDefaultInstance()));
            url = ConsoleAddress.of(query.endpoint().target(), query.usesTls(), link.getPath());
        }
        if (json) {
            JsonObject printed = new JsonObject();
            printed.addProperty("url", url);
            System.out.println(printed);
        } else {
            System.out.println(url);
        }
        boolean opened = !noOpen && BrowserLauncher.ofThisMachine().open(url);
        // The advice goes to stderr so that stdout stays the URL alone, for scripts.
        String until = link.hasExpireTime()
                ? " until " + Instant.ofEpochSecond(link.getExpireTime().getSeconds()) : "";
        System.err.println((opened ? "Opened the console in your browser." : "Open the URL in your browser.")
                + " The link signs in once" + until + "; run newsroom console again for another.");
        return 0;
    }
}
