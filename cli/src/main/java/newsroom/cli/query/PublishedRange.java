package newsroom.cli.query;

import com.google.protobuf.Timestamp;
import java.util.function.Consumer;
import picocli.CommandLine.Option;

/** {@code --from} and {@code --to} of the commands that pick articles by when they were published. */
final class PublishedRange {

    @Option(names = "--from", paramLabel = "DATE", description = "Only articles published on or after DATE.")
    String from;

    @Option(names = "--to", paramLabel = "DATE", description = "Only articles published before DATE.")
    String to;

    /** Sets a request's start and end time from the options given. */
    void applyTo(Consumer<Timestamp> setStartTime, Consumer<Timestamp> setEndTime) {
        TimeBound.setRange(from, to, setStartTime, setEndTime);
    }
}
