package newsroom.ingest.retention;

import java.time.YearMonth;
import java.util.List;

/**
 * A month could not be removed because ingest's writers kept holding the tables it needs, try
 * after try (ABORTED: retry later). The month is whole; the months removed before it stay removed.
 */
public class RetentionBusyException extends RuntimeException {

    public RetentionBusyException(YearMonth month, int attempts, List<YearMonth> removed, Throwable cause) {
        super("month " + month + " was not removed (it is whole, as is every later month): the store's writers"
                + " kept the tables it needs locked over " + attempts + " tries; "
                + (removed.isEmpty() ? "nothing was removed" : "removed before it: " + removed) + "; retry", cause);
    }
}
