package newsroom.cli;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import newsroom.auth.ApiKey;
import newsroom.cli.credentials.LocalCredentials;
import newsroom.cli.run.Service;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code --insecure}, before or after the command, lets the CLI's key go in plaintext to another machine. */
class InsecureOptionTest {

    @TempDir
    Path state;

    @Test
    void withoutInsecureTheLocalKeyStaysOnThisMachine() throws Exception {
        NewsroomCommand newsroom = parse("search", "--query", "news.example.org:9093", "Kashmir");
        UserError refused = assertThrows(UserError.class, () -> newsroom.channel(Service.QUERY, localSuite()));
        assertTrue(refused.getMessage().contains("--insecure"), refused.getMessage());
        assertThrows(UserError.class, () -> newsroom.channel(Service.QUERY,
                Map.of("NEWSROOM_API_KEY", ApiKey.generate(), "NEWSROOM_STATE_DIR", state.toString())));
        Path noCredentials = state.resolve("elsewhere");
        newsroom.channel(Service.QUERY, Map.of("NEWSROOM_STATE_DIR", noCredentials.toString())).close();
    }

    @Test
    void insecureBeforeOrAfterTheCommandLetsItGo() throws Exception {
        parse("--insecure", "search", "--query", "news.example.org:9093", "Kashmir")
                .channel(Service.QUERY, localSuite()).close();
        parse("search", "--insecure", "--query", "news.example.org:9093", "Kashmir")
                .channel(Service.QUERY, localSuite()).close();
        parse("analyze", "--nlp", "192.0.2.7:9091", "--insecure", "article.txt")
                .channel(Service.NLP, localSuite()).close();
    }

    @Test
    void theLocalSuiteNeedsNoOption() throws Exception {
        parse("search", "Kashmir").channel(Service.QUERY, localSuite()).close();
    }

    /** The environment of a machine where `newsroom up` wrote the credentials. */
    private Map<String, String> localSuite() throws Exception {
        LocalCredentials.ensure(state.resolve("credentials"));
        assertTrue(Files.isRegularFile(state.resolve("credentials/client.key")));
        return Map.of("NEWSROOM_STATE_DIR", state.toString());
    }

    private static NewsroomCommand parse(String... arguments) {
        NewsroomCommand newsroom = new NewsroomCommand();
        new CommandLine(newsroom).parseArgs(arguments);
        return newsroom;
    }
}
