package newsroom.cli.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import newsroom.auth.tls.TlsFiles;
import newsroom.cli.UserError;
import newsroom.cli.credentials.LocalCredentials;
import newsroom.localpostgres.DatabaseLogin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SuiteSettingsTest {

    private static final DatabaseConnection ROLES = new DatabaseConnection("jdbc:postgresql://localhost:1/newsroom",
            new DatabaseLogin("o", "o-secret"), new DatabaseLogin("w", "w-secret"), new DatabaseLogin("r", "r-secret"));

    @Test
    void defaultsAreTheDocumentedOnes() {
        SuiteSettings settings = SuiteSettings.fromEnvironment(Map.of(), Path.of("/repo"));
        assertEquals(Path.of("/repo"), settings.home());
        assertEquals(Path.of(System.getProperty("user.home"), ".newsroom").toAbsolutePath(), settings.stateDirectory());
        assertEquals(54329, settings.postgresPort());
        assertEquals(new ServicePorts(9091, 9092, 9093, 9191, 9192, 9193), settings.ports());
        assertEquals(Optional.empty(), settings.externalDatabase());
        assertEquals(Duration.ofSeconds(180), settings.readyTimeout());
        assertEquals(RestartPolicy.DEFAULT, settings.restartPolicy());
    }

    /** {@code up --replica}: a replica of the embedded server beside it, which query-service reads from. */
    @Test
    void theReplicaIsOffUnlessAskedForAndQueryServiceReadsFromIt() {
        SuiteSettings settings = SuiteSettings.fromEnvironment(Map.of("NEWSROOM_STATE_DIR", "/state"), Path.of("/repo"));
        assertEquals(false, settings.replica());
        assertEquals(54330, settings.replicaPort());
        assertEquals(Path.of("/state/pgdata-replica"), settings.replicaDataDirectory());
        assertTrue(settings.withReplica(true).withTls(true).replica());
        SuiteSettings asked = SuiteSettings.fromEnvironment(
                Map.of("NEWSROOM_REPLICA", "true", "NEWSROOM_PG_REPLICA_PORT", "6001"), Path.of("/repo"));
        assertTrue(asked.replica());
        assertEquals(6001, asked.replicaPort());

        assertEquals(Optional.empty(), Optional.ofNullable(ROLES.environmentOf(Service.QUERY).get("NEWSROOM_DB_READ_URL")));
        Map<String, String> query = ROLES.withReadReplica("jdbc:postgresql://localhost:54330/newsroom")
                .environmentOf(Service.QUERY);
        assertEquals("jdbc:postgresql://localhost:1/newsroom", query.get("NEWSROOM_DB_URL"));
        assertEquals("jdbc:postgresql://localhost:54330/newsroom", query.get("NEWSROOM_DB_READ_URL"));
        assertEquals("r", query.get("NEWSROOM_DB_READ_USER"));
        assertEquals("r-secret", query.get("NEWSROOM_DB_READ_PASSWORD"));
        // ingest-service writes, and reads its own writes, on the primary only.
        assertEquals(null, ROLES.withReadReplica("jdbc:postgresql://localhost:54330/newsroom")
                .environmentOf(Service.INGEST).get("NEWSROOM_DB_READ_URL"));
    }

    @Test
    void aBusyMachineCanWaitLongerForTheServices() {
        SuiteSettings settings = SuiteSettings.fromEnvironment(Map.of("NEWSROOM_READY_TIMEOUT", "10m"), Path.of("/repo"));
        assertEquals(Duration.ofMinutes(10), settings.readyTimeout());
        assertEquals(Duration.ofMinutes(10), settings.withTls(true).readyTimeout());
    }

    @Test
    void environmentVariablesOverrideEachSetting() {
        SuiteSettings settings = SuiteSettings.fromEnvironment(Map.of(
                "NEWSROOM_HOME", "/elsewhere",
                "NEWSROOM_STATE_DIR", "/state",
                "NEWSROOM_PG_PORT", "6000",
                "NEWSROOM_NLP_PORT", "7001",
                "NEWSROOM_INGEST_PORT", "7002",
                "NEWSROOM_QUERY_PORT", "7003",
                "NEWSROOM_DB_URL", "jdbc:postgresql://db:5432/news",
                "NEWSROOM_DB_USER", "newsroom",
                "NEWSROOM_DB_PASSWORD", "secret"), Path.of("/repo"));
        assertEquals(Path.of("/elsewhere"), settings.home());
        assertEquals(Path.of("/state/logs/nlp-service.log"), settings.logFile("nlp-service"));
        assertEquals(Path.of("/state/pgdata"), settings.postgresDataDirectory());
        assertEquals(6000, settings.postgresPort());
        assertEquals(new ServicePorts(7001, 7002, 7003, 9191, 9192, 9193), settings.ports());
        assertEquals(Optional.of(DatabaseConnection.oneLogin("jdbc:postgresql://db:5432/news", "newsroom", "secret")),
                settings.externalDatabase());
    }

    @Test
    void eachAdminPortHasAVariableOfItsOwn() {
        SuiteSettings settings = SuiteSettings.fromEnvironment(Map.of(
                "NEWSROOM_NLP_ADMIN_PORT", "7101",
                "NEWSROOM_INGEST_ADMIN_PORT", "7102",
                "NEWSROOM_QUERY_ADMIN_PORT", "7103"), Path.of("/repo"));
        assertEquals(new ServicePorts(9091, 9092, 9093, 7101, 7102, 7103), settings.ports());
        assertEquals(7102, settings.ports().adminOf(Service.INGEST));
    }

    @Test
    void aPortThatIsNotOneIsReportedWithItsVariable() {
        UserError error = assertThrows(UserError.class,
                () -> SuiteSettings.fromEnvironment(Map.of("NEWSROOM_QUERY_PORT", "70000"), Path.of("/repo")));
        assertTrue(error.getMessage().startsWith("NEWSROOM_QUERY_PORT:"), error.getMessage());
        UserError admin = assertThrows(UserError.class,
                () -> SuiteSettings.fromEnvironment(Map.of("NEWSROOM_NLP_ADMIN_PORT", "x"), Path.of("/repo")));
        assertTrue(admin.getMessage().startsWith("NEWSROOM_NLP_ADMIN_PORT:"), admin.getMessage());
    }

    @Test
    void everyServiceLearnsEveryPortTheDatabaseAndItsKeys(@TempDir Path state) throws Exception {
        LocalCredentials credentials = LocalCredentials.ensure(state.resolve("credentials"));
        Suite suite = new Suite(Path.of("/repo"), ROLES, new ServicePorts(1001, 1002, 1003, 1101, 1102, 1103), Path.of("/logs"), credentials);
        ServiceProcess.Spec spec = suite.specOf(Service.INGEST);
        assertEquals(Path.of("/repo/ingest-service/target/quarkus-app/quarkus-run.jar"), spec.jar());
        assertEquals(1002, spec.port());
        assertEquals(1102, spec.adminPort());
        assertEquals("1102", spec.environment().get("NEWSROOM_INGEST_ADMIN_PORT"));
        assertEquals("1001", spec.environment().get("NEWSROOM_NLP_PORT"));
        assertEquals("1003", spec.environment().get("NEWSROOM_QUERY_PORT"));
        assertEquals("localhost", spec.environment().get("NEWSROOM_NLP_HOST"));
        assertEquals("jdbc:postgresql://localhost:1/newsroom", spec.environment().get("NEWSROOM_DB_URL"));
        assertEquals(Path.of("/logs/ingest-service.log"), spec.logFile());
        assertTrue(suite.specOf(Service.NLP).jvmOptions().contains("-XX:+ExitOnOutOfMemoryError"));
        for (Service service : Service.values()) {
            assertEquals(credentials.keysFile().toString(),
                    suite.specOf(service).environment().get("NEWSROOM_AUTH_KEYS_FILE"));
        }
        assertEquals(credentials.ingestKeyFile().toString(), spec.environment().get("NEWSROOM_NLP_KEY_FILE"));
    }

    /** ingest-service writes rows and migrates as the owner; query-service reads; nlp-service has no database. */
    @Test
    void eachServiceLogsInToTheDatabaseAsItsOwnRole(@TempDir Path state) throws Exception {
        Suite suite = new Suite(Path.of("/repo"), ROLES, new ServicePorts(1001, 1002, 1003, 1101, 1102, 1103), Path.of("/logs"),
                LocalCredentials.ensure(state.resolve("credentials")));
        Map<String, String> ingest = suite.specOf(Service.INGEST).environment();
        assertEquals("w", ingest.get("NEWSROOM_DB_USER"));
        assertEquals("w-secret", ingest.get("NEWSROOM_DB_PASSWORD"));
        assertEquals("o", ingest.get("NEWSROOM_DB_MIGRATION_USER"));
        assertEquals("o-secret", ingest.get("NEWSROOM_DB_MIGRATION_PASSWORD"));
        Map<String, String> query = suite.specOf(Service.QUERY).environment();
        assertEquals("r", query.get("NEWSROOM_DB_USER"));
        assertEquals("r-secret", query.get("NEWSROOM_DB_PASSWORD"));
        assertEquals("jdbc:postgresql://localhost:1/newsroom", query.get("NEWSROOM_DB_URL"));
        assertTrue(query.keySet().stream().noneMatch(name -> name.startsWith("NEWSROOM_DB_MIGRATION")), query.toString());
        assertTrue(suite.specOf(Service.NLP).environment().keySet().stream().noneMatch(name -> name.startsWith("NEWSROOM_DB")));
    }

    /** The local run follows feeds on the user's machine and intranet unless the user says otherwise. */
    @Test
    void ingestMayFetchPrivateAddressesUnlessTheUserSetIt(@TempDir Path state) throws Exception {
        Suite suite = new Suite(Path.of("/repo"), ROLES, new ServicePorts(1001, 1002, 1003, 1101, 1102, 1103), Path.of("/logs"),
                LocalCredentials.ensure(state.resolve("credentials")));
        assertEquals("true", suite.specOf(Service.INGEST, Map.of()).environment()
                .get("NEWSROOM_SOURCES_ALLOW_PRIVATE_ADDRESSES"));
        assertEquals(null, suite.specOf(Service.INGEST, Map.of("NEWSROOM_SOURCES_ALLOW_PRIVATE_ADDRESSES", "false"))
                .environment().get("NEWSROOM_SOURCES_ALLOW_PRIVATE_ADDRESSES"), "the inherited false stands");
        assertEquals(null, suite.specOf(Service.QUERY, Map.of()).environment()
                .get("NEWSROOM_SOURCES_ALLOW_PRIVATE_ADDRESSES"));
    }

    @Test
    void tlsIsOffUnlessAskedFor() {
        assertEquals(false, SuiteSettings.fromEnvironment(Map.of(), Path.of("/repo")).tls());
        SuiteSettings on = SuiteSettings.fromEnvironment(Map.of("NEWSROOM_TLS", "true", "NEWSROOM_STATE_DIR", "/state"),
                Path.of("/repo"));
        assertTrue(on.tls());
        assertEquals(Path.of("/state/credentials/tls/ca.crt"), on.tlsFiles().ca());
    }

    @Test
    void withTlsEveryServiceServesTheCertificateAndTrustsTheCa(@TempDir Path state) throws Exception {
        LocalCredentials credentials = LocalCredentials.ensure(state.resolve("credentials"));
        TlsFiles files = TlsFiles.in(state.resolve("credentials/tls"));
        DatabaseConnection database = ROLES;
        Suite tls = new Suite(Path.of("/repo"), database, new ServicePorts(1001, 1002, 1003, 1101, 1102, 1103), Path.of("/logs"),
                credentials, Optional.of(files));
        Suite plaintext = new Suite(Path.of("/repo"), database, new ServicePorts(1001, 1002, 1003, 1101, 1102, 1103), Path.of("/logs"),
                credentials);
        for (Service service : Service.values()) {
            Map<String, String> environment = tls.specOf(service).environment();
            assertEquals(files.certificate().toString(), environment.get("NEWSROOM_TLS_CERT_FILE"));
            assertEquals(files.privateKey().toString(), environment.get("NEWSROOM_TLS_KEY_FILE"));
            assertEquals(files.ca().toString(), environment.get("NEWSROOM_TLS_CA_FILE"));
            assertTrue(plaintext.specOf(service).environment().keySet().stream().noneMatch(name -> name.startsWith("NEWSROOM_TLS")));
        }
    }
}
