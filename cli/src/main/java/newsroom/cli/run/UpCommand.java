package newsroom.cli.run;

import java.util.Optional;
import java.util.concurrent.Callable;
import newsroom.cli.output.ProgressLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code newsroom up}: PostgreSQL and the three services, in the background or in this terminal. */
@Command(name = "up", mixinStandardHelpOptions = true,
        description = {
            "Starts PostgreSQL and the three services, waits until they are ready and shows where they listen.",
            "PostgreSQL is an embedded server with its data in $NEWSROOM_STATE_DIR/pgdata (default ~/.newsroom)"
                + " on port $NEWSROOM_PG_PORT (54329), unless NEWSROOM_DB_URL (with NEWSROOM_DB_USER and"
                + " NEWSROOM_DB_PASSWORD) names a server to use. Ports: NEWSROOM_NLP_PORT (9091),"
                + " NEWSROOM_INGEST_PORT (9092), NEWSROOM_QUERY_PORT (9093). Logs: $NEWSROOM_STATE_DIR/logs.",
            "The suite keeps running after this command returns: a service or the embedded PostgreSQL that dies"
                + " is restarted after 1 s, doubling to 30 s, and left down after 5 restarts within 10 min"
                + " (NEWSROOM_RESTART_BACKOFF, NEWSROOM_RESTART_MAX_BACKOFF, NEWSROOM_RESTART_LIMIT,"
                + " NEWSROOM_RESTART_WINDOW); 'newsroom status' shows the restarts, 'newsroom down' stops it."
        })
public class UpCommand implements Callable<Integer> {

    @Option(names = "--foreground",
            description = "Run the suite in this terminal instead of in the background; Ctrl-C stops it.")
    boolean foreground;

    @Option(names = "--tls",
            description = "Serve every gRPC port over TLS only, with a certificate signed by a local CA made on"
                + " first use in $NEWSROOM_STATE_DIR/credentials/tls (ca.crt is what other clients trust)."
                + " Same as NEWSROOM_TLS=true.")
    boolean tls;

    @Option(names = "--replica",
            description = "Also start a streaming replica of the embedded PostgreSQL (data in"
                + " $NEWSROOM_STATE_DIR/pgdata-replica, port $NEWSROOM_PG_REPLICA_PORT, default 54330) and let"
                + " query-service read from it (docs/replicas.md). Same as NEWSROOM_REPLICA=true. Without it, a"
                + " replica kept from an earlier 'up --replica' is removed with its replication slot.")
    boolean replica;

    @Override
    public Integer call() throws Exception {
        SuiteSettings settings = SuiteSettings.fromEnvironment(System.getenv(), CliHome.repository());
        if (tls) {
            settings = settings.withTls(true);
        }
        if (replica) {
            settings = settings.withReplica(true);
        }
        SuiteLauncher launcher = new SuiteLauncher(settings);
        Optional<RunState> running = launcher.current();
        if (running.isPresent() && running.get().phase() == RunState.Phase.READY) {
            System.out.println("Newsroom is already running.");
            RunStateReport.print(running.get(), System.out);
            return 0;
        }
        if (foreground) {
            if (running.isPresent()) {
                System.out.println("Newsroom is being started in the background already (supervisor pid "
                        + running.get().supervisorPid() + "); see 'newsroom status'.");
                return 1;
            }
            return new Supervisor(settings, System.out, System.console() != null,
                    StopSignal.fromProcessSignals()).run();
        }
        RunState state = launcher.ensureRunning(System.out, ProgressLine.onStandardError(), new boolean[1]);
        System.out.println("Newsroom is running.");
        RunStateReport.print(state, System.out);
        return 0;
    }
}
