package newsroom.cli.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import newsroom.cli.UserError;
import newsroom.cli.run.RunState;
import newsroom.cli.run.RunStateFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClientTlsTest {

    @TempDir
    Path state;

    private Map<String, String> environment() {
        return Map.of("NEWSROOM_STATE_DIR", state.toString());
    }

    private void suiteRuns(boolean tls) {
        new RunStateFile(state.resolve("run")).write(RunState.starting(ProcessHandle.current().pid(), "starting")
                .withTls(tls).withPhase(RunState.Phase.READY, "ready"));
    }

    @Test
    void plaintextWhenNothingSaysTls() {
        assertEquals(Optional.empty(), ClientTls.find(environment()));
        suiteRuns(false);
        assertEquals(Optional.empty(), ClientTls.find(environment()));
    }

    @Test
    void theLocalCaWhenTheLocalSuiteRunsWithTls() {
        suiteRuns(true);

        assertEquals(Optional.of(state.resolve("credentials/tls/ca.crt").toAbsolutePath()), ClientTls.find(environment()));
    }

    @Test
    void aNamedCaWinsOverTheLocalOne() throws Exception {
        suiteRuns(true);
        Path ca = Files.writeString(state.resolve("other-ca.crt"), "-----BEGIN CERTIFICATE-----\n");

        assertEquals(Optional.of(ca), ClientTls.find(Map.of("NEWSROOM_STATE_DIR", state.toString(),
                "NEWSROOM_TLS_CA_FILE", ca.toString())));
    }

    @Test
    void aNamedCaThatIsNotAFileIsAUserErrorNamingTheVariable() {
        UserError error = assertThrows(UserError.class, () -> ClientTls.find(Map.of(
                "NEWSROOM_STATE_DIR", state.toString(), "NEWSROOM_TLS_CA_FILE", state.resolve("missing.crt").toString())));

        assertTrue(error.getMessage().startsWith("NEWSROOM_TLS_CA_FILE names"), error.getMessage());
    }
}
