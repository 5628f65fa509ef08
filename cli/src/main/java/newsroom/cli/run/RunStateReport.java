package newsroom.cli.run;

import java.io.PrintStream;
import newsroom.cli.output.Table;

/** The table {@code up} and {@code status} print: what runs where. */
public final class RunStateReport {

    private RunStateReport() {
    }

    public static void print(RunState state, PrintStream out) {
        Table table = new Table("SERVICE", "ADDRESS", "PID", "LOG");
        for (RunState.RunningService service : state.services()) {
            table.row(service.name(), "localhost:" + service.port(), service.pid(), service.logFile());
        }
        out.println();
        table.print(out);
        out.println();
        out.println("Database: " + state.databaseUrl()
                + (state.embeddedPostgres() ? " (embedded PostgreSQL, data in " + state.postgresDataDirectory() + ")" : ""));
        if (state.tls()) {
            out.println("TLS only, with a certificate from the local CA in $NEWSROOM_STATE_DIR/credentials/tls/ca.crt:"
                    + " this CLI trusts it by itself; give ca.crt to other clients.");
        }
        out.println("Supervisor pid " + state.supervisorPid() + ". Stop everything with ./newsroom down.");
    }
}
