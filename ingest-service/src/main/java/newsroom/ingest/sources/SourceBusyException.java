package newsroom.ingest.sources;

/** A fetch of the source is running (on this replica or another) right now (ABORTED: retry once it is over). */
public class SourceBusyException extends RuntimeException {

    public SourceBusyException(long id) {
        super("source " + id + " is being fetched right now; retry once that fetch is over");
    }
}
