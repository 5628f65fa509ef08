package newsroom.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import newsroom.auth.tls.TlsFiles;
import newsroom.cli.run.Service;
import newsroom.cli.run.ServicePorts;
import newsroom.cli.run.Suite;

/**
 * The {@code newsroom} CLI as a user runs it: its built quarkus-run.jar in its own JVM, with the
 * key and CA the CLI finds in the environment, pointed at a suite the test started.
 */
final class NewsroomCli {

    private static final long RUN_LIMIT_SECONDS = 120;

    private final Path home;
    private final Suite suite;
    private final ServicePorts ports;
    private final Optional<TlsFiles> tls;

    NewsroomCli(Path home, Suite suite, ServicePorts ports, Optional<TlsFiles> tls) {
        this.home = home;
        this.suite = suite;
        this.ports = ports;
        this.tls = tls;
    }

    /** {@code newsroom console --json --no-open}'s URL: a one-time sign-in link to the console. */
    String consoleSignInUrl() throws IOException, InterruptedException {
        String printed = run("console", "--json", "--no-open", "--query", "localhost:" + ports.of(Service.QUERY));
        return JsonParser.parseString(printed).getAsJsonObject().get("url").getAsString();
    }

    /** Runs the CLI with {@code arguments}; returns what it printed on stdout, having checked it exited with 0. */
    String run(String... arguments) throws IOException, InterruptedException {
        Path jar = home.resolve("cli/target/quarkus-app/quarkus-run.jar");
        assertTrue(Files.isRegularFile(jar), jar + " is missing: build the cli first (./mvnw verify builds it)");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString()));
        command.addAll(List.of(arguments));
        Path stateDirectory = Files.createTempDirectory("newsroom-cli-state");
        Path errors = stateDirectory.resolve("stderr.txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(errors.toFile());
        Map<String, String> environment = builder.environment();
        // Only what the test gives: no key or run state of a suite the developer runs on this machine.
        environment.keySet().removeIf(name -> name.startsWith("NEWSROOM_"));
        environment.put("NEWSROOM_STATE_DIR", stateDirectory.toString());
        environment.put("NEWSROOM_API_KEY", suite.credentials().cliKey(Service.QUERY));
        tls.ifPresent(files -> environment.put("NEWSROOM_TLS_CA_FILE", files.ca().toString()));
        Process cli = builder.start();
        cli.getOutputStream().close();
        byte[] stdout = cli.getInputStream().readAllBytes();
        assertTrue(cli.waitFor(RUN_LIMIT_SECONDS, TimeUnit.SECONDS), "newsroom " + String.join(" ", arguments) + " ran on");
        String output = new String(stdout, StandardCharsets.UTF_8);
        assertEquals(0, cli.exitValue(), () -> "newsroom " + String.join(" ", arguments) + " failed: "
                + readQuietly(errors) + output);
        return output;
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "(no stderr: " + e.getMessage() + ")";
        }
    }
}
