package newsroom.ingest.backpressure;

/** The analysis backlog is at its limit: the client should retry later (RESOURCE_EXHAUSTED). */
public class BacklogFullException extends RuntimeException {

    BacklogFullException(long waiting, long limit) {
        super("the analysis backlog is full (" + waiting + " articles wait for analysis, limit " + limit
                + "); retry later, with a growing delay");
    }
}
