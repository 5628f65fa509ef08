package newsroom.ingest.sources;

/** No source has the id asked for (NOT_FOUND). */
public class SourceNotFoundException extends RuntimeException {

    public SourceNotFoundException(long id) {
        super("source " + id + " does not exist");
    }
}
