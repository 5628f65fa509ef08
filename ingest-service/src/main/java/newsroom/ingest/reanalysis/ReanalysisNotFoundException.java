package newsroom.ingest.reanalysis;

/** No re-analysis has the id asked for. */
public class ReanalysisNotFoundException extends RuntimeException {

    public ReanalysisNotFoundException(long reanalysisId) {
        super("re-analysis " + reanalysisId + " does not exist");
    }
}
