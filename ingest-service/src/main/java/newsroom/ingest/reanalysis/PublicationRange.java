package newsroom.ingest.reanalysis;

import java.time.Instant;
import java.util.Optional;

/**
 * A half-open range of publication times: {@code start} inclusive, {@code end} exclusive;
 * an empty bound is open.
 */
public record PublicationRange(Optional<Instant> start, Optional<Instant> end) {

    /** @throws IllegalArgumentException when both bounds are set and {@code end} is not after {@code start} */
    public PublicationRange {
        if (start.isPresent() && end.isPresent() && !end.get().isAfter(start.get())) {
            throw new IllegalArgumentException("the end " + end.get() + " is not after the start " + start.get());
        }
    }
}
