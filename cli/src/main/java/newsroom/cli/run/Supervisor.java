package newsroom.cli.run;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import newsroom.auth.tls.LocalCertificateAuthority;
import newsroom.auth.tls.TlsFiles;
import newsroom.cli.credentials.LocalCredentials;
import newsroom.cli.output.ProgressLine;
import newsroom.localpostgres.LocalPostgres;
import newsroom.localpostgres.LocalReplica;

/**
 * Owns a running suite: starts PostgreSQL (embedded unless NEWSROOM_DB_URL names one)
 * and the three services, records them in the run state file once all are ready, keeps
 * them running (a process that dies is restarted as {@link SuiteSettings#restartPolicy}
 * says, and the run state counts it), and on a stop request stops the services and then
 * PostgreSQL. With {@link SuiteSettings#replica}, a streaming replica of the embedded server
 * starts after it and query-service reads from it; it is not restarted when it dies
 * (query-service then reads from the primary).
 */
public final class Supervisor {

    /** How often the processes are looked at: a death is noticed within this. */
    private static final Duration WATCH_INTERVAL = Duration.ofMillis(500);

    private final SuiteSettings settings;
    private final RunStateFile stateFile;
    private final PrintStream out;
    private final ProgressLine progress;
    private final StopSignal stop;

    public Supervisor(SuiteSettings settings, PrintStream out, boolean interactive, StopSignal stop) {
        this.settings = settings;
        this.stateFile = new RunStateFile(settings.runDirectory());
        this.out = out;
        this.progress = new ProgressLine(out, interactive);
        this.stop = stop;
    }

    /** The local CA and server certificate, made on first use of TLS and kept. */
    private TlsFiles ensureCertificates() throws IOException {
        TlsFiles files = settings.tlsFiles();
        if (!files.exist()) {
            progress.update("Making a local CA and the services' certificate...");
            LocalCertificateAuthority.generate(files.certificate().getParent());
            progress.milestone("TLS: local CA " + files.ca() + " signed the services' certificate");
        }
        return files;
    }

    /** Runs the suite until a stop request; returns the process exit code. */
    public int run() {
        long pid = ProcessHandle.current().pid();
        Optional<RunState> running = stateFile.readLive().filter(state -> state.supervisorPid() != pid);
        if (running.isPresent()) {
            out.println("Newsroom is already running (supervisor pid " + running.get().supervisorPid() + ").");
            return 1;
        }
        RunState state = RunState.starting(pid, "checking ports");
        stateFile.write(state);
        SupervisedPostgres postgres = null;
        LocalReplica replica = null;
        Suite suite = null;
        boolean failed = false;
        Thread safetyNet = null;
        try {
            checkPortsFree();
            DatabaseConnection database;
            if (settings.externalDatabase().isPresent()) {
                if (settings.replica()) {
                    throw new IllegalStateException("--replica (NEWSROOM_REPLICA) starts a replica of the embedded"
                            + " PostgreSQL; with NEWSROOM_DB_URL, give query-service your replica with NEWSROOM_DB_READ_URL"
                            + " instead (docs/replicas.md)");
                }
                database = settings.externalDatabase().get();
                state = state.withDatabase(database.jdbcUrl(), false, null);
                progress.milestone("Using PostgreSQL at " + database.jdbcUrl());
            } else {
                state = state.withPhase(RunState.Phase.STARTING, "starting PostgreSQL");
                stateFile.write(state);
                progress.update("Starting PostgreSQL...");
                postgres = SupervisedPostgres.start(settings.postgresDataDirectory(),
                        () -> LocalPostgres.start(settings.postgresDataDirectory(), settings.credentialsDirectory(),
                                settings.postgresPort()));
                database = DatabaseConnection.of(postgres.server());
                state = state.withDatabase(database.jdbcUrl(), true, settings.postgresDataDirectory().toString())
                        .withPostgres(postgres.pid(), RunState.Restarts.NONE);
                progress.milestone("PostgreSQL is ready at " + database.jdbcUrl()
                        + " (data in " + settings.postgresDataDirectory() + ")");
                if (settings.replica()) {
                    state = state.withPhase(RunState.Phase.STARTING, "starting the PostgreSQL replica");
                    stateFile.write(state);
                    progress.update("Starting the PostgreSQL replica (a base backup on first use)...");
                    replica = LocalReplica.start(postgres.server(), settings.replicaDataDirectory(),
                            settings.replicaPort());
                    database = database.withReadReplica(replica.jdbcUrl());
                    state = state.withReplica(new RunState.Replica(replica.jdbcUrl(),
                            Postmaster.of(replica.dataDirectory()).map(ProcessHandle::pid).orElse(0L),
                            replica.dataDirectory().toString()));
                    progress.milestone("The PostgreSQL replica is streaming at " + replica.jdbcUrl()
                            + " (data in " + replica.dataDirectory() + "); query-service reads from it");
                } else if (Files.isDirectory(settings.replicaDataDirectory())) {
                    // Its slot would make the primary keep its WAL for a replica that no longer follows it.
                    LocalReplica.forget(postgres.server(), settings.replicaDataDirectory());
                    progress.milestone("Removed the PostgreSQL replica of an earlier 'up --replica' and its slot");
                }
            }
            Optional<TlsFiles> tls = Optional.empty();
            if (settings.tls()) {
                tls = Optional.of(ensureCertificates());
                state = state.withTls(true);
            }
            suite = new Suite(settings.home(), database, settings.ports(), settings.logDirectory(),
                    LocalCredentials.ensure(settings.credentialsDirectory()), tls);
            safetyNet = stopOnJvmExit(suite, replica, postgres);
            for (Service service : Service.values()) {
                suite.start(service);
            }
            state = state.withServices(suite.processes().stream()
                    .map(process -> runningService(process, RunState.Restarts.NONE))
                    .toList());
            RunState starting = state;
            stateFile.write(starting.withPhase(RunState.Phase.STARTING, "starting the services"));
            String[] lastMessage = {""};
            suite.awaitReady(suite.processes(), settings.readyTimeout(), (notReady, elapsed) -> {
                String message = "waiting for " + String.join(", ", notReady) + " to be ready"
                        + (notReady.contains(Service.NLP.displayName()) ? " (nlp-service loads CoreNLP's models, about 11 s)" : "");
                progress.update(message + "... " + elapsed.toSeconds() + " s");
                if (!message.equals(lastMessage[0])) {
                    lastMessage[0] = message;
                    stateFile.write(starting.withPhase(RunState.Phase.STARTING, message));
                }
            }, stop::isRequested);
            state = state.withPhase(RunState.Phase.READY, "ready");
            stateFile.write(state);
            progress.milestone("All services are ready.");
            RunStateReport.print(state, out);
            superviseUntilStopped(suite, postgres, state);
            return 0;
        } catch (ServiceStartException e) {
            if (stop.isRequested()) {
                progress.milestone("Start cancelled.");
                return 0;
            }
            failed = true;
            String tail = LogTail.of(e.logFile(), 30);
            progress.milestone("Could not start the suite: " + e.getMessage());
            out.println("--- last lines of " + e.logFile() + " ---");
            out.println(tail);
            stateFile.write(state.withPhase(RunState.Phase.FAILED, e.getMessage()));
            return 1;
        } catch (IOException | RuntimeException e) {
            failed = true;
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            progress.milestone("Could not start the suite: " + message);
            stateFile.write(state.withPhase(RunState.Phase.FAILED, message));
            return 1;
        } finally {
            shutDown(suite, replica, postgres);
            if (safetyNet != null) {
                try {
                    Runtime.getRuntime().removeShutdownHook(safetyNet);
                } catch (IllegalStateException alreadyShuttingDown) {
                    // the hook is running or ran; nothing left to undo
                }
            }
            if (!failed) {
                stateFile.delete();
            }
        }
    }

    private void checkPortsFree() {
        List<String> taken = new ArrayList<>();
        if (settings.externalDatabase().isEmpty() && !PortCheck.isFree(settings.postgresPort())) {
            taken.add(settings.postgresPort() + " (PostgreSQL, NEWSROOM_PG_PORT)");
        }
        if (settings.externalDatabase().isEmpty() && settings.replica() && !PortCheck.isFree(settings.replicaPort())) {
            taken.add(settings.replicaPort() + " (PostgreSQL replica, NEWSROOM_PG_REPLICA_PORT)");
        }
        for (Service service : Service.values()) {
            int port = settings.ports().of(service);
            if (!PortCheck.isFree(port)) {
                taken.add(port + " (" + service.displayName() + ", " + service.portVariable() + ")");
            }
            int adminPort = settings.ports().adminOf(service);
            if (!PortCheck.isFree(adminPort)) {
                taken.add(adminPort + " (" + service.displayName() + " admin, " + service.adminPortVariable() + ")");
            }
        }
        if (!taken.isEmpty()) {
            throw new IllegalStateException("port already in use: " + String.join(", ", taken)
                    + "; stop what uses it or choose other ports with the variables named");
        }
    }

    /**
     * Restarts whatever dies until a stop request, and keeps the run state's pids and restart
     * counts current. PostgreSQL goes first: a service that died while PostgreSQL is waiting
     * for its own restart waits too, since it could not start without the database.
     */
    private void superviseUntilStopped(Suite suite, SupervisedPostgres postgres, RunState ready) {
        RestartPolicy policy = settings.restartPolicy();
        ProcessWatch database = postgres == null ? null : new ProcessWatch(postgres, policy, out);
        Map<SupervisedService, ProcessWatch> services = new LinkedHashMap<>();
        for (ServiceProcess process : suite.processes()) {
            SupervisedService service = new SupervisedService(suite, process);
            services.put(service, new ProcessWatch(service, policy, out));
        }
        RunState state = ready;
        while (!stop.await(WATCH_INTERVAL)) {
            Instant now = Instant.now();
            boolean changed = database != null && database.check(now, true);
            boolean databaseUp = database == null || !database.restartPending();
            for (ProcessWatch watch : services.values()) {
                changed |= watch.check(now, databaseUp && !stop.isRequested());
            }
            if (changed) {
                state = state.withServices(services.entrySet().stream()
                        .map(service -> runningService(service.getKey().process(), service.getValue().restarts()))
                        .toList());
                if (database != null) {
                    state = state.withPostgres(postgres.pid(), database.restarts());
                }
                stateFile.write(state);
            }
        }
    }

    private static RunState.RunningService runningService(ServiceProcess process, RunState.Restarts restarts) {
        return new RunState.RunningService(process.name(), process.pid(), process.port(), process.adminPort(),
                process.spec().logFile().toString(), restarts);
    }

    private void shutDown(Suite suite, LocalReplica replica, SupervisedPostgres postgres) {
        if (suite != null && !suite.processes().isEmpty()) {
            progress.milestone("Stopping the services...");
            suite.close();
        }
        stop("the PostgreSQL replica", replica);
        stop("PostgreSQL", postgres);
        progress.milestone("Stopped.");
    }

    /** Stops a database server, if one was started; one that does not stop cleanly is said, and the rest go on. */
    private void stop(String name, AutoCloseable server) {
        if (server != null) {
            progress.milestone("Stopping " + name + "...");
            close(server, e -> out.println(Character.toUpperCase(name.charAt(0)) + name.substring(1)
                    + " did not stop cleanly: " + e.getMessage()));
        }
    }

    private static void close(AutoCloseable server, Consumer<Exception> notStopped) {
        if (server == null) {
            return;
        }
        try {
            server.close();
        } catch (Exception e) {
            notStopped.accept(e);
        }
    }

    /**
     * When the JVM goes down some other way (System.exit, an unhandled signal), the
     * services and PostgreSQL must not be left running without an owner.
     */
    private static Thread stopOnJvmExit(Suite suite, LocalReplica replica, SupervisedPostgres postgres) {
        Thread hook = new Thread(() -> {
            suite.close();
            // The JVM is exiting: a server that does not stop cleanly is past helping.
            close(replica, notStopped -> { });
            close(postgres, notStopped -> { });
        }, "newsroom-supervisor-exit");
        Runtime.getRuntime().addShutdownHook(hook);
        return hook;
    }
}
