package newsroom.cli.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.util.List;
import newsroom.cli.LocalGrpcServer;
import newsroom.ingest.v1.ApplyRetentionRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code newsroom retention} as a user runs it, against a gRPC server on this machine that answers
 * like ingest-service's RetentionService ({@link RetentionServiceDouble}). The tests' standard
 * input is no terminal: without --yes nothing is removed ({@link ConfirmationTest} answers the
 * question a terminal would ask).
 */
@QuarkusMainTest
class RetentionCommandTest {

    private final RetentionServiceDouble service = new RetentionServiceDouble();

    @RegisterExtension
    final LocalGrpcServer server = new LocalGrpcServer(service);

    @Test
    void aDryRunListsTheMonthsAndRemovesNothing(QuarkusMainLauncher launcher) {
        LaunchResult result = launch(launcher, "--older-than", "24m", "--dry-run");

        assertEquals(0, result.exitCode(), result.getErrorOutput());
        assertEquals(List.of(request(24, true, "")), service.requests);
        List<String> lines = result.getOutputStream().stream().map(String::strip).filter(line -> !line.isEmpty()).toList();
        assertEquals("Would remove 2 months published before 2024-12 (older than 24 months), 215 articles:", lines.get(0));
        assertTrue(lines.get(1).matches("MONTH +ARTICLES +MENTIONS +QUOTES +SEARCH ROWS +ENTITY DAYS"), lines.get(1));
        assertTrue(lines.get(2).matches("2024-10 +120 +3400 +210 +118 +950"), lines.get(2));
        assertTrue(lines.get(3).matches("2024-11 +95 +2800 +160 +95 +870"), lines.get(3));
        assertEquals("Nothing was removed (--dry-run).", lines.get(4));
    }

    @Test
    void withoutATerminalOrYesItListsAndRefuses(QuarkusMainLauncher launcher) {
        LaunchResult result = launch(launcher, "--older-than", "2y");

        assertEquals(1, result.exitCode());
        assertEquals(List.of(request(24, true, "")), service.requests, "only the dry run was asked for");
        assertTrue(result.getOutput().contains("2024-10"), result.getOutput());
        assertEquals("newsroom: not removing 2 months without a confirmation: standard input is not a terminal to ask"
                + " on; add --yes to remove them, or --dry-run to only list them", result.getErrorOutput().strip());
    }

    @Test
    void yesRemovesTheMonthsTheDryRunShowed(QuarkusMainLauncher launcher) {
        LaunchResult result = launch(launcher, "--older-than", "24m", "--yes");

        assertEquals(0, result.exitCode(), result.getErrorOutput());
        assertEquals(List.of(request(24, true, ""), request(24, false, RetentionServiceDouble.CUTOFF)),
                service.requests, "the removal names the dry run's cut-off month");
        assertTrue(result.getOutputStream().get(0).startsWith("Removed 2 months published before 2024-12"),
                result.getOutput());
        assertFalse(result.getOutput().contains("Nothing was removed"), result.getOutput());

        LaunchResult again = launch(launcher, "--older-than", "24m", "--yes");
        assertEquals(0, again.exitCode(), again.getErrorOutput());
        assertEquals("No month before 2024-12 (older than 24 months) holds anything; nothing to remove.",
                again.getOutput().strip());
        assertEquals(3, service.requests.size(), "nothing to remove: no removal asked for");
    }

    @Test
    void jsonIsTheResponseOfTheDryRunOrOfTheRemoval(QuarkusMainLauncher launcher) {
        LaunchResult dryRun = launch(launcher, "--older-than", "24m", "--dry-run", "--json");
        assertEquals(0, dryRun.exitCode(), dryRun.getErrorOutput());
        JsonObject listed = JsonParser.parseString(dryRun.getOutput()).getAsJsonObject();
        assertTrue(listed.get("dryRun").getAsBoolean());
        assertEquals("2024-12", listed.get("cutoffMonth").getAsString());
        assertEquals("120", listed.getAsJsonArray("months").get(0).getAsJsonObject().get("articleCount").getAsString());

        LaunchResult refused = launch(launcher, "--older-than", "24m", "--json");
        assertEquals(1, refused.exitCode());
        assertEquals("", refused.getOutput().strip(), "no JSON for what was not done");

        LaunchResult removed = launch(launcher, "--older-than", "24m", "--json", "--yes");
        assertEquals(0, removed.exitCode(), removed.getErrorOutput());
        JsonObject response = JsonParser.parseString(removed.getOutput()).getAsJsonObject();
        assertFalse(response.get("dryRun").getAsBoolean());
        assertEquals(2, response.getAsJsonArray("months").size());
    }

    @Test
    void anAgeThatIsNoneIsRefusedBeforeAnyCall(QuarkusMainLauncher launcher) {
        LaunchResult bare = launch(launcher, "--older-than", "24");
        assertEquals(1, bare.exitCode());
        assertEquals("newsroom: --older-than: '24' is not an age: write months or years, such as 24m or 2y",
                bare.getErrorOutput().strip());
        LaunchResult none = launch(launcher, "--older-than", "0m");
        assertEquals("newsroom: --older-than: must be from 1m to 1200m (100y), not 0m", none.getErrorOutput().strip());
        LaunchResult tooLong = launch(launcher, "--older-than", "101y");
        assertEquals("newsroom: --older-than: must be from 1m to 1200m (100y), not 101y",
                tooLong.getErrorOutput().strip());
        assertEquals(List.of(), service.requests);
    }

    @Test
    void nothingToRemoveNeedsNoConfirmation(QuarkusMainLauncher launcher) {
        service.months = List.of();
        LaunchResult result = launch(launcher, "--older-than", "1m");
        assertEquals(0, result.exitCode(), result.getErrorOutput());
        assertEquals(List.of(request(1, true, "")), service.requests);
        assertEquals("No month before 2024-12 (older than 1 month) holds anything; nothing to remove.",
                result.getOutput().strip());
    }

    private static ApplyRetentionRequest request(int months, boolean dryRun, String expectedCutoff) {
        return ApplyRetentionRequest.newBuilder().setOlderThanMonths(months).setDryRun(dryRun)
                .setExpectedCutoffMonth(expectedCutoff).build();
    }

    private LaunchResult launch(QuarkusMainLauncher launcher, String... arguments) {
        return launcher.launch(server.commandLine("retention", "--ingest", arguments));
    }
}
