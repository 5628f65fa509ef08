package newsroom.cli.run;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/** {@code run/state.json}: written by the supervisor, read by {@code up}, {@code status} and {@code down}. */
public final class RunStateFile {

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeNulls().create();

    private final Path file;

    public RunStateFile(Path runDirectory) {
        this.file = runDirectory.resolve("state.json");
    }

    public Path path() {
        return file;
    }

    /** The state last written; empty when there is none or it cannot be read. */
    public Optional<RunState> read() {
        try {
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            return Optional.ofNullable(GSON.fromJson(Files.readString(file, StandardCharsets.UTF_8), RunState.class));
        } catch (IOException | JsonParseException e) {
            return Optional.empty();
        }
    }

    /** The state, if its supervisor still runs. */
    public Optional<RunState> readLive() {
        return read().filter(RunState::supervisorAlive);
    }

    /** Replaces the file in one step, so readers never see half of it. */
    public void write(RunState state) {
        try {
            Files.createDirectories(file.getParent());
            Path temporary = file.resolveSibling("state.json.tmp");
            Files.writeString(temporary, GSON.toJson(state), StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    public void delete() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + file + ": " + e.getMessage(), e);
        }
    }
}
