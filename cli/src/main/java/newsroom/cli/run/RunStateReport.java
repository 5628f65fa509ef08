package newsroom.cli.run;

import java.io.PrintStream;
import java.util.Optional;
import newsroom.cli.console.ConsoleAddress;
import newsroom.cli.output.Table;

/** The table {@code up} and {@code status} print: what runs where, and what the supervisor restarted. */
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
        printRestarts(state, out);
        out.println();
        out.println("Database: " + state.databaseUrl()
                + (state.embeddedPostgres() ? " (embedded PostgreSQL, data in " + state.postgresDataDirectory() + ")" : ""));
        if (state.replica() != null) {
            out.println("Replica: " + state.replica().jdbcUrl() + " (streaming, data in " + state.replica().dataDirectory()
                    + "); query-service reads from it while it keeps up");
        }
        if (state.tls()) {
            out.println("TLS only, with a certificate from the local CA in $NEWSROOM_STATE_DIR/credentials/tls/ca.crt:"
                    + " this CLI trusts it by itself; give ca.crt to other clients.");
        }
        console(state).ifPresent(console -> out.println("Console: " + console
                + " (sign in with ./newsroom console, which prints a one-time link and opens it)"));
        out.println("Supervisor pid " + state.supervisorPid() + ". Stop everything with ./newsroom down.");
    }

    /** The console's base URL: query-service serves it on its port, over https when the suite speaks TLS. */
    static Optional<String> console(RunState state) {
        return state.services().stream()
                .filter(service -> service.name().equals(Service.QUERY.displayName()))
                .findFirst()
                .map(query -> ConsoleAddress.base("localhost:" + query.port(), state.tls()));
    }

    /** One line for each process the supervisor had to restart or gave up on; nothing when none died. */
    static void printRestarts(RunState state, PrintStream out) {
        boolean first = true;
        for (RunState.RunningService service : state.services()) {
            first = printRestarts(service.name(), service.restarts(), first, out);
        }
        printRestarts("PostgreSQL", state.postgresRestarts(), first, out);
    }

    private static boolean printRestarts(String name, RunState.Restarts restarts, boolean first, PrintStream out) {
        if (restarts.lastReason() == null) {
            return first;
        }
        if (first) {
            out.println();
        }
        String last = " At " + restarts.lastAt() + " it " + restarts.lastReason();
        if (restarts.givenUp()) {
            out.println(name + ": GIVEN UP" + (restarts.count() == 0 ? "" : " after restarting it " + times(restarts.count()))
                    + "." + last + "; " + restarts.givenUpWhy()
                    + ". Find the cause in its log, then run ./newsroom down and ./newsroom up.");
        } else {
            out.println(name + ": " + (restarts.count() == 0 ? "restarting" : "restarted " + times(restarts.count()))
                    + "." + last + ".");
        }
        return false;
    }

    private static String times(int count) {
        return count == 1 ? "once" : count + " times";
    }
}
