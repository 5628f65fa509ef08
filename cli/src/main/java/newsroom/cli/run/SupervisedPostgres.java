package newsroom.cli.run;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import newsroom.localpostgres.LocalPostgres;

/**
 * The embedded PostgreSQL server, as the supervisor keeps it running. A server that died is
 * started again on the same data directory and port, so the services find the same database
 * at the same address: their connection pools replace the broken connections by themselves,
 * and PostgreSQL's crash recovery replays its write-ahead log, so every committed article is
 * still there.
 */
final class SupervisedPostgres implements Supervised, AutoCloseable {

    /** How the supervisor starts the server (the same way the first time and after a death). */
    @FunctionalInterface
    interface Start {
        LocalPostgres start() throws IOException;
    }

    /**
     * The killed server's own processes notice within moments that it is gone and exit; until
     * they have, PostgreSQL refuses to start on the directory ("shared memory block is still in use").
     */
    private static final Duration SERVER_PROCESSES_EXIT = Duration.ofSeconds(30);

    private final Path dataDirectory;
    private final Start start;
    private LocalPostgres server;
    private ProcessHandle postmaster;
    private List<ProcessHandle> serverProcesses = List.of();

    private SupervisedPostgres(Path dataDirectory, Start start) {
        this.dataDirectory = dataDirectory;
        this.start = start;
    }

    /** Starts the server on {@code dataDirectory} with {@code start}. */
    static SupervisedPostgres start(Path dataDirectory, Start start) throws IOException {
        SupervisedPostgres postgres = new SupervisedPostgres(dataDirectory, start);
        postgres.startServer();
        return postgres;
    }

    private void startServer() throws IOException {
        server = start.start();
        Optional<ProcessHandle> started = Postmaster.of(dataDirectory);
        if (started.isEmpty()) {
            server.close();
            throw new IOException("PostgreSQL started, but " + dataDirectory.resolve("postmaster.pid")
                    + " names no running server");
        }
        postmaster = started.get();
        serverProcesses = List.of();
    }

    /** The server as it runs now. */
    LocalPostgres server() {
        return server;
    }

    @Override
    public String name() {
        return "PostgreSQL";
    }

    @Override
    public long pid() {
        return postmaster.pid();
    }

    /** Also notes the server's own processes while it lives, to wait for them once it has died. */
    @Override
    public boolean isAlive() {
        if (!postmaster.isAlive()) {
            return false;
        }
        serverProcesses = postmaster.children().toList();
        return true;
    }

    @Override
    public String howItEnded() {
        // Not our child: its exit status is its parent's to know. Its own messages are in the supervisor's log.
        return "exited (its messages, if it left any, are in the supervisor's log)";
    }

    @Override
    public String logTail() {
        return "";
    }

    /**
     * Waits for the dead server's own processes to exit, lets go of the old server (which
     * releases the data directory's lock) and starts a new one on the same directory and port.
     */
    @Override
    public void restart(String why) throws IOException {
        for (ProcessHandle process : serverProcesses) {
            awaitExit(process);
        }
        server.close();
        startServer();
    }

    private static void awaitExit(ProcessHandle process) {
        try {
            process.onExit().get(SERVER_PROCESSES_EXIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException stillThere) {
            // PostgreSQL itself refuses to start then, and the restart counts as failed.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException impossible) {
            // onExit never completes exceptionally
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
